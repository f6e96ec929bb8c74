namespace ScreeningBot.Bot.Slack;

/// <summary>
/// The bot's own Slack user id, learned once from <c>auth.test</c> (lazily, on the first message), so messages the bot
/// itself posted are never treated as candidate answers. A failed lookup is retried on a later message.
/// </summary>
internal sealed class SlackBotIdentity(SlackWebApiClient slack, ILogger<SlackBotIdentity> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _userId;

    /// <summary>The bot's user id (<c>U…</c>), or null while Slack cannot tell us.</summary>
    public async Task<string?> GetUserIdAsync(CancellationToken cancellationToken)
    {
        if (_userId is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_userId is null)
            {
                var me = await slack.AuthTestAsync(cancellationToken);
                _userId = me.UserId;
            }
        }
        catch (SlackApiException e)
        {
            SlackLog.BotIdentityUnknown(logger, e.ErrorCode.Value);
        }
        finally
        {
            _gate.Release();
        }

        return _userId;
    }

    public void Dispose() => _gate.Dispose();
}
