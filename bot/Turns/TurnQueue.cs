using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// The hosted queue every channel hands its turns to (the Agents SDK's hosted activity queue): turns of one conversation
/// run one at a time in arrival order, different conversations in parallel, at most <see cref="TurnOptions.MaxConcurrentTurns"/>
/// at once and <see cref="TurnOptions.MaxPendingTurns"/> accepted in all. A turn gets the host's lifetime token, not its
/// HTTP request's, so a turn that outlives its request (answered early, or acknowledged at once as Slack requires) still
/// finishes; on shutdown the host waits for queued turns (up to its shutdown timeout) before cancelling them.
/// </summary>
/// <remarks>
/// Trade-off: an accepted turn lives in memory only. If the process dies after the channel was answered but before the turn
/// ran, the turn is lost; the candidate's state is saved per turn, and a message sent again is processed. Channels narrow the
/// window by answering only after the turn where they can (the Bot Framework endpoint waits its inline budget).
/// </remarks>
internal sealed class TurnQueue(TurnHost host, IOptions<TurnOptions> options, TimeProvider time, ILogger<TurnQueue> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SemaphoreSlim _running = new(options.Value.MaxConcurrentTurns, options.Value.MaxConcurrentTurns);
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>
    /// Queues <paramref name="turn"/> behind earlier turns of its conversation and returns how it ended; null, having queued
    /// nothing, when <see cref="TurnOptions.MaxPendingTurns"/> turns are pending already. The returned task does not fail.
    /// </summary>
    public Task<TurnResult>? TryEnqueue(Turn turn, ITurnReplies replies)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var key = turn.Conversation.Key;
        lock (_gate)
        {
            if (_pending >= options.Value.MaxPendingTurns)
            {
                TurnLog.QueueFull(logger, _pending, turn.Conversation.ChannelId);
                return null;
            }

            _pending++;
            if (!_conversations.TryGetValue(key, out var entry))
            {
                entry = new Entry();
                _conversations[key] = entry;
            }

            entry.Count++;

            // When it arrived, by this host's clock: a message that arrived before the question it seems to answer was asked
            // was written for an earlier one (ScreeningDialog binds answers to the question the candidate saw).
            turn = turn with { Message = turn.Message with { ReceivedAt = turn.Message.ReceivedAt ?? time.GetUtcNow() } };
            var task = RunAsync(key, entry, entry.Tail, turn, replies);
            entry.Tail = task;
            return task;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _conversations.Values.Select(e => e.Tail)];
        }

        if (pending.Length == 0)
        {
            return;
        }

        TurnLog.DrainingTurns(logger, Pending);
        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await _stopping.CancelAsync();
        }
    }

    /// <remarks>
    /// Cancels what still runs but leaves the token source and the slots usable: a host may stop this queue after its
    /// container was disposed (a test host disposed while a turn drained), and neither holds an unmanaged handle here.
    /// </remarks>
    public void Dispose() => _stopping.Cancel();

    private async Task<TurnResult> RunAsync(string key, Entry entry, Task previous, Turn turn, ITurnReplies replies)
    {
        // Yield first, so the caller's lock is released before any work runs; a failed earlier turn does not stop this one.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        var slot = false;
        try
        {
            // The slot is taken only once it is this conversation's turn, so a queue of one busy conversation holds none.
            await _running.WaitAsync(_stopping.Token);
            slot = true;
            return await host.RunAsync(turn, replies, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            TurnLog.TurnCancelled(logger, turn.Conversation.ChannelId, turn.Conversation.ConversationId);
            return TurnResult.NotProcessed;
        }
        finally
        {
            if (slot)
            {
                _running.Release();
            }

            lock (_gate)
            {
                _pending--;
                if (--entry.Count == 0)
                {
                    _conversations.Remove(key);
                }
            }
        }
    }

    private sealed class Entry
    {
        public Task Tail { get; set; } = Task.CompletedTask;

        public int Count { get; set; }
    }
}
