using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Puts webhook events on the job queue (<see cref="WebhookDispatcher"/> sends them) when a scorecard is posted and when a
/// recruiter decides. Does nothing while <c>Webhook:Url</c> is empty. The event id is derived from what happened (the
/// interview, and the decision entry), so an event raised twice (a scoring job run again after a crash) carries the same
/// idempotency key and the receiver files it once. A failure to enqueue is logged and never fails the decision or the post.
/// </summary>
internal sealed class WebhookPublisher(
    IJobQueue queue,
    IReportStore reports,
    ScreenExporter exporter,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookPublisher> logger)
{
    public bool Enabled => options.Value.Enabled;

    public Task ScorecardPostedAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(scorecard);
        return Enabled
            ? EnqueueAsync(WebhookEvent.ScorecardPosted, interview.Id, exporter.Row(interview, scorecard, null), cancellationToken)
            : Task.CompletedTask;
    }

    public async Task DecisionRecordedAsync(Interview interview, DecisionEntry decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(decision);
        if (!Enabled)
        {
            return;
        }

        try
        {
            var report = await reports.GetAsync(interview.Id, cancellationToken);
            await EnqueueAsync(WebhookEvent.DecisionRecorded, decision.Id, exporter.Row(interview, report?.Scorecard, decision), cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            DecisionLog.WebhookNotQueued(logger, interview.Id, WebhookEvent.DecisionRecorded, e);
        }
    }

    /// <summary>The event's id: a hash of its type and what it is about, so the same happening always gets the same id.</summary>
    internal static string EventId(string type, string subject) =>
        "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(type + "\n" + subject)))[..32];

    private async Task EnqueueAsync(string type, string subject, ExportRow row, CancellationToken cancellationToken)
    {
        var id = EventId(type, subject);
        var body = JsonSerializer.Serialize(new WebhookEvent { Id = id, Type = type, CreatedAt = time.GetUtcNow(), Data = row }, WebhookJsonContext.Default.WebhookEvent);
        try
        {
            await queue.EnqueueAsync(new ScoringJob(row.InterviewId) { Webhook = new WebhookDelivery(id, type, body, 1) }, cancellationToken);
            DecisionLog.WebhookQueued(logger, row.InterviewId, type, id);
        }
        catch (StorageUnavailableException e)
        {
            DecisionLog.WebhookNotQueued(logger, row.InterviewId, type, e);
        }
    }
}
