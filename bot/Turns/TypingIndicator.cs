namespace ScreeningBot.Bot.Turns;

/// <summary>
/// Shows "typing…" while a slow turn runs (docs/channels.md): the first indicator after <see cref="FirstDelay"/>, then one
/// every <see cref="Interval"/> until disposed, because Teams hides an indicator after about three seconds. A turn that
/// finishes sooner (the offline judge answers in well under a millisecond) sends none, as the Bot Framework SDK's
/// typing middleware also waits before its first one. Disposing stops the loop but lets an indicator already on the
/// wire finish: cancelling it would make the HTTP client drop its pooled connection to the connector (the next message
/// pays a new TLS handshake) and could deliver the indicator after the reply. Failures are logged, never thrown.
/// </summary>
internal sealed class TypingIndicator : IAsyncDisposable
{
    public static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    /// <summary>How long disposing waits for an indicator in flight (retries included) before cancelling it.</summary>
    public static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(2);

    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationTokenSource _abandon;
    private readonly Task _loop;

    private TypingIndicator(ITurnReplies replies, TimeProvider time, string conversationId, ILogger logger, CancellationToken cancellationToken)
    {
        _time = time;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(replies, time, conversationId, logger, _stop.Token, _abandon.Token);
    }

    public static TypingIndicator? Start(ITurnReplies replies, TimeProvider time, string conversationId, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        return replies.SupportsTyping && !replies.Buffered ? new TypingIndicator(replies, time, conversationId, logger, cancellationToken) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(InFlightGrace, _time).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_loop.IsCompleted)
        {
            // The connector is slow (or retrying after a 429): the reply matters more than the indicator.
            await _abandon.CancelAsync();
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stop.Dispose();
        _abandon.Dispose();
    }

    /// <param name="stop">Ends the waiting between indicators (the turn finished, or was cancelled).</param>
    /// <param name="abandon">Cancels an indicator in flight: the turn was cancelled, or it outlasted <see cref="InFlightGrace"/>.</param>
    private static async Task RunAsync(ITurnReplies replies, TimeProvider time, string conversationId, ILogger logger, CancellationToken stop, CancellationToken abandon)
    {
        try
        {
            await Task.Delay(FirstDelay, time, stop);
            while (!stop.IsCancellationRequested)
            {
                await replies.SendTypingAsync(abandon);
                await Task.Delay(Interval, time, stop);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The turn finished (or an indicator in flight was abandoned).
        }
#pragma warning disable CA1031 // Best effort: whatever stops an indicator (a refused call, a broken connection) must not fail the turn.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            TurnLog.TypingFailed(logger, conversationId, e);
        }
    }
}
