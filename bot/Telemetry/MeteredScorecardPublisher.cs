using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>Records how long after an interview ended its scorecard was posted (<c>screeningbot.scoring.delay</c>).</summary>
internal sealed class MeteredScorecardPublisher(IScorecardPublisher inner, BotMetrics metrics, TimeProvider time) : IScorecardPublisher
{
    public async Task<string?> PublishAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var posted = await inner.PublishAsync(interview, scorecard, cancellationToken);
        if (interview.Record.EndedAt is { } ended)
        {
            metrics.ScorecardPosted(time.GetUtcNow() - ended);
        }

        return posted;
    }

    public Task PublishNoticeAsync(Interview interview, Dialogs.Compliance.ScreeningNotice notice, CancellationToken cancellationToken) =>
        inner.PublishNoticeAsync(interview, notice, cancellationToken);
}
