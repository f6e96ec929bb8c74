namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Who the bot token belongs to, learned once from <c>auth.test</c> (lazily, on the first request that needs it): the bot's
/// own user id, so messages it posted are never taken as answers, and its workspace, the only one served when
/// <see cref="SlackOptions.TeamIds"/> is empty. A failed lookup is retried on a later request.
/// </summary>
internal sealed class SlackBotIdentity(SlackWebApiClient slack, ILogger<SlackBotIdentity> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private SlackAuthTestResponse? _me;

    /// <summary>The bot's user id (<c>U…</c>), or null while Slack cannot tell us.</summary>
    public async Task<string?> GetUserIdAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken))?.UserId;

    /// <summary>The workspace (<c>T…</c>) of the bot token, or null while Slack cannot tell us.</summary>
    public async Task<string?> GetTeamIdAsync(CancellationToken cancellationToken) => (await GetAsync(cancellationToken))?.TeamId;

    public void Dispose() => _gate.Dispose();

    private async Task<SlackAuthTestResponse?> GetAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _me) is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            _me ??= await slack.AuthTestAsync(cancellationToken);
        }
        catch (SlackApiException e)
        {
            SlackLog.BotIdentityUnknown(logger, e.ErrorCode.Value);
        }
        finally
        {
            _gate.Release();
        }

        return _me;
    }
}
