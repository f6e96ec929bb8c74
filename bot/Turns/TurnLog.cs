namespace ScreeningBot.Bot.Turns;

/// <summary>
/// Log messages of the turn host: event ids 8xxx. Channel, conversation, delivery and interview ids are logged; what people
/// wrote only at Trace.
/// </summary>
internal static partial class TurnLog
{
    [LoggerMessage(8001, LogLevel.Debug, "{Kind} turn on {Channel} conversation {ConversationId}, delivery {DeliveryId}")]
    public static partial void TurnStarted(ILogger logger, TurnKind kind, string channel, string conversationId, string? deliveryId);

    [LoggerMessage(8002, LogLevel.Debug, "Delivery {DeliveryId} on {Channel} conversation {ConversationId} was already processed; ignored")]
    public static partial void Duplicate(ILogger logger, string? deliveryId, string channel, string conversationId);

    [LoggerMessage(8003, LogLevel.Debug, "{Kind} turn on {Channel} conversation {ConversationId} finished in {ElapsedMs} ms")]
    public static partial void TurnCompleted(ILogger logger, TurnKind kind, string channel, string conversationId, long elapsedMs);

    [LoggerMessage(8004, LogLevel.Warning, "Storage is unavailable; a turn on {Channel} conversation {ConversationId} was not processed and the sender was asked to send it again")]
    public static partial void StorageUnavailableApologized(ILogger logger, string channel, string conversationId, Exception exception);

    [LoggerMessage(8005, LogLevel.Warning, "Storage is unavailable; a turn on {Channel} conversation {ConversationId} was not processed and not recorded as processed, so a retry of it runs")]
    public static partial void StorageUnavailable(ILogger logger, string channel, string conversationId, Exception exception);

    [LoggerMessage(8006, LogLevel.Error, "{Kind} turn on {Channel} conversation {ConversationId} failed")]
    public static partial void TurnFailed(ILogger logger, TurnKind kind, string channel, string conversationId, Exception exception);

    [LoggerMessage(8007, LogLevel.Warning, "Delivery {DeliveryId} was processed but could not be recorded in the processed-message ledger; a redelivery of an interview answer is still dropped by the interview state")]
    public static partial void LedgerRecordFailed(ILogger logger, string? deliveryId, Exception exception);

    [LoggerMessage(8008, LogLevel.Information, "Welcomed a new {ConversationType} conversation {ConversationId} on {Channel}")]
    public static partial void Welcomed(ILogger logger, string conversationType, string conversationId, string channel);

    [LoggerMessage(8009, LogLevel.Trace, "Turn on conversation {ConversationId} says: {Text}")]
    public static partial void MessageText(ILogger logger, string conversationId, string text);

    [LoggerMessage(8010, LogLevel.Information, "Message from {SenderId} on {Channel} conversation {ConversationId} refused: {Refusal}")]
    public static partial void Refused(ILogger logger, string senderId, string channel, string conversationId, TurnRefusal refusal);

    [LoggerMessage(8011, LogLevel.Warning, "Could not send a typing indicator to conversation {ConversationId}")]
    public static partial void TypingFailed(ILogger logger, string conversationId, Exception exception);

    [LoggerMessage(8012, LogLevel.Information, "Waiting for {Count} queued turns to finish before shutting down")]
    public static partial void DrainingTurns(ILogger logger, int count);

    [LoggerMessage(8013, LogLevel.Warning, "Too many turns pending ({Pending}); refused a {Channel} turn so the sender retries")]
    public static partial void QueueFull(ILogger logger, int pending, string channel);

    [LoggerMessage(8014, LogLevel.Warning, "A turn on {Channel} conversation {ConversationId} was cancelled: the host shut down before it finished")]
    public static partial void TurnCancelled(ILogger logger, string channel, string conversationId);

    [LoggerMessage(8015, LogLevel.Debug, "Interview turn on conversation {ConversationId}: {Status}, {ReplyCount} replies, interview {InterviewId}")]
    public static partial void InterviewTurn(ILogger logger, string conversationId, Dialogs.Screening.InterviewTurnStatus status, int replyCount, string? interviewId);
}
