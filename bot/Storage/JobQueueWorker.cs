using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Runs scoring jobs from <see cref="IJobQueue"/>: polls (backing off up to <see cref="StorageOptions.MaxPollInterval"/>
/// while the queue is empty), hands each job to <see cref="IScoringJobHandler"/>, completes it on success, and on
/// failure leaves it to be delivered again after the visibility timeout; after
/// <see cref="StorageOptions.MaxDequeueCount"/> attempts the job goes to the poison store with a Warning.
/// </summary>
/// <remarks>
/// The handler is resolved lazily, per job, from a fresh scope: the worker is always registered, finds out at start
/// whether any <see cref="IScoringJobHandler"/> is registered, and stays idle (jobs wait, none is lost) when none is.
/// So the handler can be registered anywhere in the composition root, in any order, with any lifetime.
/// </remarks>
internal sealed class JobQueueWorker(
    IJobQueue queue,
    IServiceProvider services,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<JobQueueWorker> logger) : BackgroundService
{
    /// <summary>The first pause after an empty poll; it doubles up to <see cref="StorageOptions.MaxPollInterval"/>.</summary>
    internal static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(100);

    // One job per receive: each job gets the whole visibility timeout, however slow the ones before it were.
    private const int JobsPerReceive = 1;

    // Giving an unfinished job back on shutdown is one small write; the host's shutdown timeout has room for it.
    private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(5);

    /// <summary>True when an <see cref="IScoringJobHandler"/> is registered.</summary>
    public bool HasHandler => services.GetService<IServiceProviderIsService>()?.IsService(typeof(IScoringJobHandler)) == true;

    /// <summary>Receives and runs at most one batch of jobs; returns how many were received.</summary>
    public async Task<int> ProcessOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var jobs = await queue.ReceiveAsync(JobsPerReceive, settings.VisibilityTimeout, cancellationToken);
        foreach (var job in jobs)
        {
            await RunAsync(job, settings.MaxDequeueCount, cancellationToken);
        }

        return jobs.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!HasHandler)
        {
            StorageLog.WorkerHasNoHandler(logger);
            return;
        }

        var delay = MinPollInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var maxDelay = options.Value.MaxPollInterval;
                try
                {
                    if (await ProcessOnceAsync(stoppingToken) > 0)
                    {
                        delay = MinPollInterval;
                        continue;
                    }
                }
                catch (StorageUnavailableException e)
                {
                    delay = maxDelay;
                    StorageLog.QueuePollFailed(logger, e, (long)delay.TotalMilliseconds);
                }

                await Task.Delay(delay < maxDelay ? delay : maxDelay, time, stoppingToken);
                delay = delay * 2 < maxDelay ? delay * 2 : maxDelay;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            StorageLog.WorkerStopping(logger);
        }
    }

    /// <summary>Releases <paramref name="job"/> within <see cref="ReleaseTimeout"/>, whatever the stopping token says; on failure it reappears after its timeout.</summary>
    private async Task ReleaseAsync(QueuedJob job)
    {
        using var timeout = new CancellationTokenSource(ReleaseTimeout, time);
        try
        {
            await queue.ReleaseAsync(job, timeout.Token);
            StorageLog.JobReleased(logger, job.MessageId, job.Job.InterviewId);
        }
        catch (Exception e) when (e is StorageUnavailableException or OperationCanceledException)
        {
            StorageLog.JobReleaseFailed(logger, e, job.MessageId, job.Job.InterviewId);
        }
    }

    private async Task RunAsync(QueuedJob job, int maxDequeueCount, CancellationToken cancellationToken)
    {
        if (job.DequeueCount > maxDequeueCount)
        {
            // Received more often than allowed without ever completing or failing cleanly (e.g. the process died
            // mid-job each time): stop trying.
            var reason = $"received {job.DequeueCount} times without completing (the limit is {maxDequeueCount})";
            await queue.MoveToPoisonAsync(job, reason, cancellationToken);
            StorageLog.JobPoisoned(logger, null, job.MessageId, job.Job.InterviewId, job.DequeueCount, reason);
            return;
        }

        if (job.Job.Webhook is not null)
        {
            // A webhook event: the dispatcher completes, retries (as a new job, after its backoff) or dead-letters it.
            await services.GetRequiredService<Decisions.WebhookDispatcher>().DeliverAsync(job, cancellationToken);
            return;
        }

        var started = time.GetTimestamp();
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IScoringJobHandler>().HandleAsync(job.Job, cancellationToken);
            }

            await queue.CompleteAsync(job, cancellationToken);
            StorageLog.JobCompleted(logger, job.MessageId, job.Job.InterviewId, job.DequeueCount, (long)time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down mid-job: give it back, so the next process or another instance takes it at once rather than
            // after the visibility timeout (minutes of a recruiter waiting for the scorecard).
            await ReleaseAsync(job);
            throw;
        }
#pragma warning disable CA1031 // Any handler failure means "try again later" (IScoringJobHandler's contract); the worker must survive it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            if (job.DequeueCount >= maxDequeueCount)
            {
                var reason = $"failed {job.DequeueCount} times; last error: {e.GetType().Name}: {e.Message}";
                await queue.MoveToPoisonAsync(job, reason, cancellationToken);
                StorageLog.JobPoisoned(logger, e, job.MessageId, job.Job.InterviewId, job.DequeueCount, reason);
            }
            else
            {
                StorageLog.JobFailed(logger, e, job.MessageId, job.Job.InterviewId, job.DequeueCount, maxDequeueCount);
            }
        }
    }
}
