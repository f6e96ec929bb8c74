using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Decisions;

/// <summary>Raises <c>scorecard.posted</c> once the scorecard is in the hiring channel.</summary>
internal sealed class WebhookScorecardPublisher(IScorecardPublisher inner, WebhookPublisher webhooks) : IScorecardPublisher
{
    public async Task<string?> PublishAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        var posted = await inner.PublishAsync(interview, scorecard, cancellationToken);
        await webhooks.ScorecardPostedAsync(interview, scorecard, cancellationToken);
        return posted;
    }

    public Task PublishNoticeAsync(Interview interview, ScreeningNotice notice, CancellationToken cancellationToken) =>
        inner.PublishNoticeAsync(interview, notice, cancellationToken);
}
