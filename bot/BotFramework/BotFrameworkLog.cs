namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Log messages of the Bot Framework endpoint and connector client: event ids 2xxx. Identifiers (conversation,
/// activity, interview ids, service URLs) are logged; candidate text never above Trace.
/// </summary>
internal static partial class BotFrameworkLog
{
    [LoggerMessage(2001, LogLevel.Warning, "Bot Framework authentication is OFF: no MicrosoftAppId is configured and the bot listens on loopback only ({Addresses}). Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId before exposing it.")]
    public static partial void AuthenticationDisabled(ILogger logger, string addresses);

    [LoggerMessage(2002, LogLevel.Warning, "Rejected an activity with HTTP {StatusCode}: {Reason}")]
    public static partial void ActivityRejected(ILogger logger, int statusCode, string reason);

    [LoggerMessage(2003, LogLevel.Debug, "Activity {ActivityId} of type {ActivityType} on {Channel} conversation {ConversationId}")]
    public static partial void ActivityReceived(ILogger logger, string? activityId, string activityType, string channel, string conversationId);

    [LoggerMessage(2007, LogLevel.Information, "Turn for activity {ActivityId} is still running after {BudgetMs} ms; answered 200 and it continues in the background")]
    public static partial void TurnContinuesInBackground(ILogger logger, string? activityId, long budgetMs);

    [LoggerMessage(2009, LogLevel.Warning, "Bot Connector answered {StatusCode} ({ErrorCode}) to {Operation} at {ServiceUrl}; correlation id {CorrelationId}")]
    public static partial void ConnectorCallFailed(ILogger logger, int statusCode, string? errorCode, string operation, string serviceUrl, string? correlationId);

    [LoggerMessage(2010, LogLevel.Warning, "Refused to call the untrusted serviceUrl {ServiceUrl}: it did not arrive on an authenticated activity")]
    public static partial void UntrustedServiceUrl(ILogger logger, string serviceUrl);

    [LoggerMessage(2011, LogLevel.Information, "Refreshing Bot Framework signing keys from {MetadataUrl}: token key {KeyId} is unknown")]
    public static partial void SigningKeysRefreshing(ILogger logger, string metadataUrl, string keyId);

    [LoggerMessage(2012, LogLevel.Warning, "Could not fetch OpenID metadata from {MetadataUrl}")]
    public static partial void SigningKeysUnavailable(ILogger logger, string metadataUrl, Exception exception);

    [LoggerMessage(2013, LogLevel.Information, "Posted the scorecard to {Channel} conversation {ConversationId} as {ActivityId}")]
    public static partial void ScorecardPosted(ILogger logger, string channel, string conversationId, string? activityId);

    [LoggerMessage(2017, LogLevel.Information, "Unhandled invoke {InvokeName}; answered 200 with an error body")]
    public static partial void UnknownInvoke(ILogger logger, string invokeName);

    [LoggerMessage(2020, LogLevel.Debug, "Outbound token acquired from {Source}; expires {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, string source, DateTimeOffset expiresOn);
}
