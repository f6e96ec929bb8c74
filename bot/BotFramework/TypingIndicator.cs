namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Shows "typing…" while a turn runs (protocol §10): one indicator at once, then one every <see cref="Interval"/> until
/// disposed, because Teams hides an indicator after about three seconds. Failures are logged and never fail the turn.
/// </summary>
internal sealed class TypingIndicator : IAsyncDisposable
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource _stop;
    private readonly Task _loop;

    private TypingIndicator(ITurnOutput output, TimeProvider time, string conversationId, ILogger logger, CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _loop = RunAsync(output, time, conversationId, logger, _stop.Token);
    }

    public static TypingIndicator? Start(ITurnOutput output, TimeProvider time, string conversationId, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        return output.SupportsTyping ? new TypingIndicator(output, time, conversationId, logger, cancellationToken) : null;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static async Task RunAsync(ITurnOutput output, TimeProvider time, string conversationId, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await output.SendAsync(ReplyActivities.Typing(), cancellationToken);
                await Task.Delay(Interval, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The turn finished.
        }
        catch (Exception e) when (e is ConnectorException or HttpRequestException or UntrustedServiceUrlException or InvalidOperationException or Polly.ExecutionRejectedException)
        {
            BotFrameworkLog.TypingFailed(logger, conversationId, e);
        }
    }
}
