namespace ScreeningBot.Dialogs.Scoring;

/// <summary>How far answers show a knowledge area.</summary>
public enum CoverageStatus
{
    /// <summary>Nothing in the answers supports it.</summary>
    Absent,

    /// <summary>Partial evidence: some of its words or part of one of its phrasings.</summary>
    Touched,

    /// <summary>One of its phrasings, or most of its words.</summary>
    Covered,
}
