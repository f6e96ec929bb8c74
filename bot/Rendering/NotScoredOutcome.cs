using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// One model for every screen that ends without a score: a failed knockout, declined consent, a request for a person, a
/// withdrawal, an expiry, a cancellation or a changed profile. Built from a scorecard (the scoring job's) or from a
/// <see cref="ScreeningNotice"/> (a candidate not screened at all), and drawn by <see cref="AdaptiveCardRenderer.RenderNotScored"/>
/// and <see cref="BlockKitRenderer.RenderNotScored"/>, so both look the same in Teams and in Slack. Every string in it is raw
/// (a candidate's name, a knockout answer): the renderers make it inert.
/// </summary>
/// <param name="Headline">"Not scored: withdrew after answering 25% of the questions" and the like.</param>
/// <param name="NextStep">What happened and what the team should do, in a sentence or two.</param>
/// <param name="FailedKnockouts">For a failed knockout, the whole question and the answer the candidate chose.</param>
internal sealed record NotScoredOutcome(
    string InterviewId,
    string CandidateName,
    string ProfileTitle,
    InterviewStatus Outcome,
    string Headline,
    string NextStep,
    DateTimeOffset At,
    IReadOnlyList<KnockoutLine> FailedKnockouts,
    string? ReportUrl)
{
    /// <summary>"not screened" for a candidate who took no screen, "not scored" for one who stopped or failed a knockout.</summary>
    public string Why => Outcome is InterviewStatus.Declined or InterviewStatus.OptedOut ? "not screened" : "not scored";

    public static NotScoredOutcome From(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        return new(
            scorecard.InterviewId,
            scorecard.CandidateName,
            scorecard.ProfileTitle,
            scorecard.Outcome,
            ReportText.NotScoredHeadline(scorecard.Outcome, scorecard.CoveragePercent),
            scorecard.SuggestedNextStep,
            scorecard.CompletedAt,
            [.. scorecard.Knockouts.Where(k => !k.Passed)],
            scorecard.ReportUrl);
    }

    public static NotScoredOutcome From(ScreeningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var outcome = notice.Reason == NotScreenedReason.HumanInterviewRequested ? InterviewStatus.OptedOut : InterviewStatus.Declined;
        var trimmed = notice with { CandidateName = ReportText.Trim(notice.CandidateName, 100), ProfileTitle = ReportText.Trim(notice.ProfileTitle, 100) };
        return new(notice.InterviewId, notice.CandidateName, notice.ProfileTitle, outcome, ReportText.NotScoredHeadline(outcome, 0), trimmed.Text, notice.At, [], null);
    }
}
