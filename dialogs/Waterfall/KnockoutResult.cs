namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>The result of one knockout question.</summary>
/// <param name="AnswerText">The answer as the candidate gave it, normalised (e.g. <c>4</c>, <c>yes</c>, <c>2026-12-01</c>).</param>
public sealed record KnockoutResult(string KnockoutId, string AnswerText, bool Passed);
