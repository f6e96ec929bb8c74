namespace ScreeningBot.Dialogs.Decisions;

/// <summary>What a person decided about a screened candidate. The screening bot recommends; only people decide.</summary>
public enum HiringDecision
{
    /// <summary>Move the candidate to the next stage.</summary>
    Advance,

    /// <summary>Stop here.</summary>
    Reject,

    /// <summary>Undecided for now (waiting for other candidates, a second opinion).</summary>
    Hold,
}
