using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>What one turn produced: the new position and record, the replies to send, and the transcript lines to store.</summary>
public sealed record TurnOutcome(
    PlanPosition Position,
    InterviewRecord Record,
    IReadOnlyList<Reply> Replies,
    IReadOnlyList<TranscriptTurn> Transcript,
    TurnDisposition Disposition)
{
    /// <summary>True when this turn moved the interview into a terminal status (scoring follows).</summary>
    public bool EndedThisTurn { get; init; }

    /// <summary>An answer to the optional self-identification, for <see cref="InterviewService"/> to store apart; null when none.</summary>
    public Compliance.SelfIdentificationAnswer? SelfIdentified { get; init; }
}

public enum TurnDisposition
{
    /// <summary>The message was handled and the state changed.</summary>
    Processed,

    /// <summary>The message id was seen before; nothing changed and nothing should be sent.</summary>
    Duplicate,

    /// <summary>The interview had already ended; a short reply explains that, state unchanged.</summary>
    AlreadyEnded,

    /// <summary>The message was refused (e.g. too long) with an explanation; state unchanged.</summary>
    Rejected,
}
