using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>
/// Keeps <c>screeningbot.scoring.queue.depth</c>: +1 for a job queued here, -1 for a job completed or set aside here. Each
/// instance sees part of the traffic, but the sum over instances is the queue's depth (jobs queued before a process started
/// are not counted).
/// </summary>
internal sealed class MeteredJobQueue(IJobQueue inner, BotMetrics metrics) : IJobQueue
{
    public async Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        await inner.EnqueueAsync(job, cancellationToken);
        metrics.ScoringJobQueued();
    }

    public Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken) =>
        inner.ReceiveAsync(maxJobs, visibilityTimeout, cancellationToken);

    public async Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        await inner.CompleteAsync(job, cancellationToken);
        metrics.ScoringJobDone();
    }

    public async Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken)
    {
        await inner.MoveToPoisonAsync(job, reason, cancellationToken);
        metrics.ScoringJobDone();
    }
}
