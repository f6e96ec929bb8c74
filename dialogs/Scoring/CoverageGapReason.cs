namespace ScreeningBot.Dialogs.Scoring;

/// <summary>Why a judged question has no usable answer.</summary>
public enum CoverageGapReason
{
    /// <summary>The screen ended before the question was asked.</summary>
    NotReached,

    /// <summary>Left out because the profile's <c>durationMinutes</c> ran out (<c>InterviewClock</c>): the candidate was never asked.</summary>
    NotReachedForTime,

    /// <summary>The candidate typed <c>skip</c>.</summary>
    Skipped,

    /// <summary>Asked and answered, but nothing in the answer could be judged (all of it flagged, or no words).</summary>
    NotAnswered,
}
