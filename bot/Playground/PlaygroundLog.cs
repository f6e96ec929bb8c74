namespace ScreeningBot.Bot.Playground;

/// <summary>Log messages of the local playground: event ids 7xxx. Conversation ids only; message text never above Trace.</summary>
internal static partial class PlaygroundLog
{
    [LoggerMessage(7001, LogLevel.Information, "Local playground: open {Url} in a browser to try the bot as recruiter, candidate and hiring channel")]
    public static partial void Enabled(ILogger logger, string url);

    [LoggerMessage(7002, LogLevel.Information, "The local playground is off: {Reason}")]
    public static partial void Disabled(ILogger logger, string reason);

    [LoggerMessage(7003, LogLevel.Warning, "Playground request refused with HTTP {StatusCode}: {Reason}")]
    public static partial void Refused(ILogger logger, int statusCode, string reason);

    [LoggerMessage(7004, LogLevel.Debug, "Playground connector stored activity {ActivityId} in conversation {ConversationId}")]
    public static partial void ActivityStored(ILogger logger, string activityId, string conversationId);

    [LoggerMessage(7005, LogLevel.Debug, "Playground connector forgot conversation {ConversationId}: {Reason}")]
    public static partial void ConversationForgotten(ILogger logger, string conversationId, string reason);
}
