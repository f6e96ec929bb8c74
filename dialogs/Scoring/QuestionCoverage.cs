namespace ScreeningBot.Dialogs.Scoring;

/// <summary>The knowledge areas of one experience question, judged over its answer and adaptive follow-ups together.</summary>
public sealed record QuestionCoverage(string QuestionId, string Question, double Depth, IReadOnlyList<AreaEvidence> Areas);
