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

    [LoggerMessage(2004, LogLevel.Debug, "Activity {ActivityId} in conversation {ConversationId} was already processed; ignored")]
    public static partial void DuplicateActivity(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(2005, LogLevel.Warning, "Storage is unavailable; activity {ActivityId} was not processed and not recorded as processed, so a retry of it runs")]
    public static partial void StorageUnavailable(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(2006, LogLevel.Debug, "Turn for activity {ActivityId} finished in {ElapsedMs} ms with {ReplyCount} replies")]
    public static partial void TurnCompleted(ILogger logger, string? activityId, long elapsedMs, int replyCount);

    [LoggerMessage(2007, LogLevel.Information, "Turn for activity {ActivityId} is still running after {BudgetMs} ms; answered 200 and it continues in the background")]
    public static partial void TurnContinuesInBackground(ILogger logger, string? activityId, long budgetMs);

    [LoggerMessage(2008, LogLevel.Error, "Turn for activity {ActivityId} in conversation {ConversationId} failed")]
    public static partial void TurnFailed(ILogger logger, string? activityId, string conversationId, Exception exception);

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

    [LoggerMessage(2014, LogLevel.Information, "Welcomed a new {ConversationType} conversation {ConversationId}")]
    public static partial void Welcomed(ILogger logger, string conversationType, string conversationId);

    [LoggerMessage(2015, LogLevel.Warning, "Too many turns pending ({Pending}); answered 503 for activity {ActivityId}")]
    public static partial void TooManyPendingTurns(ILogger logger, int pending, string? activityId);

    [LoggerMessage(2016, LogLevel.Trace, "Activity {ActivityId} text: {Text}")]
    public static partial void ActivityText(ILogger logger, string? activityId, string text);

    [LoggerMessage(2017, LogLevel.Information, "Unhandled invoke {InvokeName}; answered 200 with an error body")]
    public static partial void UnknownInvoke(ILogger logger, string invokeName);

    [LoggerMessage(2018, LogLevel.Warning, "Could not send a typing indicator to conversation {ConversationId}")]
    public static partial void TypingFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(2019, LogLevel.Information, "Waiting for {Count} background turns to finish before shutting down")]
    public static partial void DrainingTurns(ILogger logger, int count);

    [LoggerMessage(2020, LogLevel.Debug, "Outbound token acquired from {Source}; expires {ExpiresOn}")]
    public static partial void TokenAcquired(ILogger logger, string source, DateTimeOffset expiresOn);

    [LoggerMessage(2021, LogLevel.Warning, "Storage is unavailable; activity {ActivityId} was not processed and the sender was asked to send it again")]
    public static partial void StorageUnavailableApologized(ILogger logger, string? activityId, Exception exception);

    [LoggerMessage(2022, LogLevel.Warning, "Activity {ActivityId} was processed but could not be recorded in the processed-message ledger; a redelivery of an interview answer is still dropped by the interview state")]
    public static partial void LedgerRecordFailed(ILogger logger, string? activityId, Exception exception);
}
