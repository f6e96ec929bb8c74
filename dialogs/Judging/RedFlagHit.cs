namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// A red flag of the question (see <c>dialogs/Profiles/QuestionRedFlag.cs</c>) that one answer hits: an <c>ifSaid</c> flag
/// with the sentence that shows it, or an <c>ifMissing</c> flag this answer does not mention (<see cref="Quote"/> null).
/// The scorecard joins the hits of a question's answer and follow-ups (see <c>dialogs/Scoring/ScorecardBuilder.Evidence.cs</c>).
/// </summary>
/// <param name="Flag">The flag's text, exactly as in the profile.</param>
/// <param name="Quote">A sentence copied verbatim from the answer, or null.</param>
public sealed record RedFlagHit(string Flag, string? Quote);
