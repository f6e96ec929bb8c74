using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The in-process work queue of turns: turns of one conversation run one at a time in arrival order, different
/// conversations in parallel, and at most <see cref="BotFrameworkOptions.MaxPendingTurns"/> are pending in all. Work
/// gets the host's lifetime token, not the HTTP request's, so a turn that outlives its request still finishes; on
/// shutdown the host waits for pending turns (up to its shutdown timeout) before cancelling them.
/// </summary>
/// <remarks>
/// Trade-off: a turn accepted here lives in memory only. If the process dies mid-turn after the channel got 200, that
/// turn is lost. The request waits up to <see cref="BotFrameworkOptions.InlineTurnBudget"/> for the turn, so this window
/// is limited to slow turns (a process killed earlier drops the connection and the channel retries; the activity id is
/// recorded as processed only after the turn); the candidate's state is saved per turn, and a resent message is processed.
/// </remarks>
internal sealed class ConversationTurnQueue(IOptions<BotFrameworkOptions> options, ILogger<ConversationTurnQueue> logger) : IHostedService, IDisposable
{
    private readonly Dictionary<string, Entry> _conversations = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private int _pending;

    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Queues <paramref name="work"/> behind earlier turns of <paramref name="conversationKey"/>; null when the queue is full.</summary>
    public Task? TryEnqueue(string conversationKey, Func<CancellationToken, Task> work)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            if (_pending >= options.Value.MaxPendingTurns)
            {
                return null;
            }

            _pending++;
            if (!_conversations.TryGetValue(conversationKey, out var entry))
            {
                entry = new Entry();
                _conversations[conversationKey] = entry;
            }

            entry.Count++;
            var task = RunAsync(conversationKey, entry, entry.Tail, work);
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

        BotFrameworkLog.DrainingTurns(logger, Pending);
        try
        {
            await Task.WhenAll(pending).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            await _stopping.CancelAsync();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RunAsync(string conversationKey, Entry entry, Task previous, Func<CancellationToken, Task> work)
    {
        // Yield first, so the caller's lock is released before any work runs; a failed earlier turn does not stop this one.
        await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ForceYielding);
        try
        {
            await work(_stopping.Token);
        }
        finally
        {
            lock (_gate)
            {
                _pending--;
                if (--entry.Count == 0)
                {
                    _conversations.Remove(conversationKey);
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
