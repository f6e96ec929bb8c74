namespace ScreeningBot.Bot.BotFramework;

/// <summary>How a turn with connector delivery ended, for the HTTP answer when it ended within the inline budget.</summary>
internal enum BackgroundTurnOutcome
{
    /// <summary>Processed, dropped as a duplicate, or failed for a reason a retry would not fix.</summary>
    Done,

    /// <summary>Storage was down; the sender was asked through the connector to send the message again.</summary>
    Apologized,

    /// <summary>Storage was down and nobody could be told: the channel should retry.</summary>
    NotProcessed,
}
