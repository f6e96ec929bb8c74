namespace ScreeningBot.Bot.Turns;

/// <summary>How a turn ended, for the channel's answer to the request that carried it (when that request still waits).</summary>
internal enum TurnResult
{
    /// <summary>Run to the end (including turns that only answered politely, such as a refusal).</summary>
    Completed,

    /// <summary>A redelivery of a turn already run; nothing was sent.</summary>
    Duplicate,

    /// <summary>Storage was down; nothing was saved and the sender was asked to send their message again.</summary>
    Apologized,

    /// <summary>Storage was down and nobody could be told (replies buffered, or the apology failed): the channel should ask for a retry.</summary>
    NotProcessed,

    /// <summary>Failed for a reason a retry would not fix; logged with the exception, and recorded as processed.</summary>
    Failed,
}
