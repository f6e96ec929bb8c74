namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// At-least-once queue of background jobs (scoring and posting a scorecard). A received job is invisible
/// to other receivers for the visibility timeout; if it is not completed in time it is delivered again
/// with <see cref="QueuedJob.DequeueCount"/> increased. Handlers are idempotent.
/// </summary>
public interface IJobQueue
{
    Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken);

    /// <summary>Receives up to <paramref name="maxJobs"/> visible jobs, hiding them for <paramref name="visibilityTimeout"/>.</summary>
    Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken);

    /// <summary>Removes a received job for good.</summary>
    Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a received job back unfinished, visible to every receiver at once instead of after its visibility timeout
    /// (a worker that is shutting down). A stale receipt (the job was delivered again meanwhile) changes nothing.
    /// </summary>
    Task ReleaseAsync(QueuedJob job, CancellationToken cancellationToken);

    /// <summary>Moves a job that keeps failing to the poison store, where an operator can inspect it.</summary>
    Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken);
}

/// <summary>
/// Score a finished interview and post its scorecard; or, when <see cref="Webhook"/> is set, deliver that outbound webhook
/// event about the interview (the same queue carries both, so webhook retries survive restarts like scoring does).
/// </summary>
public sealed record ScoringJob(string InterviewId)
{
    /// <summary>The webhook event this job delivers; null for a scoring job.</summary>
    public WebhookDelivery? Webhook { get; init; }

    /// <summary>Not received before this time (a retry's backoff); null for at once. Queues honour it when enqueuing.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}

/// <summary>A received job with the receipt needed to complete it.</summary>
/// <param name="Receipt">Opaque handle (Azure pop receipt, row id…).</param>
/// <param name="DequeueCount">How many times the job has been received, this time included.</param>
public sealed record QueuedJob(ScoringJob Job, string MessageId, string Receipt, int DequeueCount);
