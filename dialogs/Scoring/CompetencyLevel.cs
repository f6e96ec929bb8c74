namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// How strongly the answers show a competency, in the four levels hiring teams use (Basic, Intermediate, Advanced,
/// Expert), or not at all. Derived by <see cref="CompetencyLevels.Of"/> from the judged depth of the answers that show the
/// behaviour; the rules are written there and in README ("How to read a scorecard").
/// </summary>
public enum CompetencyLevel
{
    /// <summary>No answer shows the behaviour.</summary>
    NotEvidenced,

    /// <summary>Shown, but only in answers that stayed general (judged below 2.5 of 5).</summary>
    Basic,

    /// <summary>Shown in an answer with a concrete example (judged 2.5 or deeper).</summary>
    Intermediate,

    /// <summary>Shown in a detailed answer (judged 3.5 or deeper), or with examples in two separate questions.</summary>
    Advanced,

    /// <summary>Shown in detailed answers (judged 3.5 or deeper) to two separate questions, one of them 4.0 or deeper.</summary>
    Expert,
}
