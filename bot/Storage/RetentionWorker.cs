using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Deletes interviews, transcripts, reports and webhook dead letters older than <see cref="StorageOptions.RetentionDays"/>: first a few
/// minutes after start (not during it), then once a day; after a failure it tries again in an hour. Safe on
/// several instances at once.
/// </summary>
internal sealed class RetentionWorker(
    CandidateDataService candidateData,
    IWebhookDeadLetterStore deadLetters,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    internal static readonly TimeSpan FirstRunDelay = TimeSpan.FromMinutes(5);
    internal static readonly TimeSpan Interval = TimeSpan.FromDays(1);
    internal static readonly TimeSpan RetryDelay = TimeSpan.FromHours(1);

    /// <summary>Runs one purge with the configured retention; returns what it deleted.</summary>
    public async Task<ErasureReport> PurgeOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromDays(options.Value.RetentionDays);
        var stored = await candidateData.PurgeOlderThanAsync(cutoff, cancellationToken);

        // A dead letter keeps its event's body, which names the candidate: it goes with its interview, or at the cutoff.
        var deadLettersDeleted = 0;
        foreach (var interviewId in stored.InterviewIds)
        {
            deadLettersDeleted += await deadLetters.DeleteForInterviewAsync(interviewId, cancellationToken);
        }

        deadLettersDeleted += await deadLetters.DeleteOlderThanAsync(cutoff, cancellationToken);
        var report = stored with { WebhookDeadLetters = deadLettersDeleted };
        StorageLog.RetentionPurged(logger, report.Interviews, report.TranscriptTurns, report.Reports, report.WebhookDeadLetters, cutoff);
        return report;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstRunDelay, time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                var next = Interval;
                try
                {
                    await PurgeOnceAsync(stoppingToken);
                }
                catch (StorageUnavailableException e)
                {
                    next = RetryDelay;
                    StorageLog.RetentionFailed(logger, e, (long)next.TotalMinutes);
                }

                await Task.Delay(next, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
