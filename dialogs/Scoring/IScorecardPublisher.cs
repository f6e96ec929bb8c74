using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// Posts a finished interview's scorecard to its hiring channel (Adaptive Card in Teams, Block Kit in Slack).
/// Implemented in <c>bot/</c>. Called at most once per successful post: the caller records the returned id.
/// </summary>
public interface IScorecardPublisher
{
    /// <summary>Posts the scorecard; returns the channel's message id, or null when the interview has nowhere to post (e.g. a rehearsal).</summary>
    Task<string?> PublishAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken);

    /// <summary>
    /// Posts a "not screened" notice (no score, no recommendation) to the interview's hiring channel, at most once per interview:
    /// implementations remember what they posted, so a scoring job delivered twice posts one notice.
    /// </summary>
    Task PublishNoticeAsync(Interview interview, Compliance.ScreeningNotice notice, CancellationToken cancellationToken);
}
