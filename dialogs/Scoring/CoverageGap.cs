namespace ScreeningBot.Dialogs.Scoring;

/// <summary>A judged question the screen has no usable answer to.</summary>
/// <param name="QuestionId">The question (a follow-up has its own id, e.g. <c>caching-invalidation.f1</c>).</param>
/// <param name="Topic">What it was about, in a few words ("caching invalidation, follow-up 1").</param>
/// <param name="Reason">Why there is no answer.</param>
public sealed record CoverageGap(string QuestionId, string Topic, CoverageGapReason Reason);
