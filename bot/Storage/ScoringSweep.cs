using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Queues scoring again for finished interviews whose scorecard (or "not screened" notice) never reached the hiring channel:
/// the job is enqueued when the interview ends (dialogs/Screening/InterviewService.cs), and lost if the queue is down then.
/// Each pass has one owner, the instance that takes its lease (<see cref="PassLease"/>, <c>scoring-sweep-pass:{slot}</c>, one
/// slot per <see cref="ScoringSweepOptions.Interval"/>), so the store is read once per interval however many instances run;
/// when the owner stops, another takes the next slot. Inside a pass each requeue is claimed again
/// (<c>scoring-sweep:{interview}:{n}</c>), so a pass that overran into the next slot still queues a job once. Requeues of one interview are spaced further and
/// further apart (<see cref="ScoringSweepOptions"/>); the scoring job itself posts once however often it runs
/// (dialogs/Scoring/ScoringJobHandler.cs).
/// </summary>
internal sealed class ScoringSweep(
    IUnpostedInterviews unposted,
    IInterviewStore interviews,
    IPostedMessageStore posted,
    IJobQueue queue,
    IProcessedMessageLedger ledger,
    IOptions<ScoringSweepOptions> options,
    TimeProvider time,
    ILogger<ScoringSweep> logger) : BackgroundService
{
    /// <summary>Most interviews one pass looks at (oldest first); the next pass takes the rest.</summary>
    public const int ScanLimit = 500;

    // Notices have no report, so the query lists them every pass: remember the ones seen posted (ids only, bounded).
    private const int MaxRemembered = 10_000;

    private readonly HashSet<string> _noticePosted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>One pass, if this instance wins its lease; says whether it did and how many scoring jobs it queued.</summary>
    public async Task<ScoringSweepPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (!await PassLease.TryTakeAsync(ledger, "scoring-sweep-pass", settings.Interval, now, cancellationToken))
        {
            return ScoringSweepPass.Skipped;
        }

        var requeued = 0;
        foreach (var id in await unposted.ListAsync(now - settings.Lookback, ScanLimit, cancellationToken))
        {
            if (Remembered(id) || await interviews.GetAsync(id, cancellationToken) is not { Interview: var interview }
                || interview.Record.EndedAt is not { } endedAt || now - endedAt < settings.Grace
                || await NoticePostedAsync(interview, cancellationToken))
            {
                continue;
            }

            var attempt = Attempt(now - endedAt, settings.Grace, settings.MaxRetrySpacing);
            if (!await ledger.TryRecordAsync($"scoring-sweep:{id}:{attempt}", settings.Lookback + settings.MaxRetrySpacing, cancellationToken))
            {
                continue;
            }

            try
            {
                await queue.EnqueueAsync(new ScoringJob(id), cancellationToken);
                requeued++;
                ScoringSweepLog.Requeued(logger, id, endedAt, attempt);
            }
            catch (StorageUnavailableException e)
            {
                ScoringSweepLog.RequeueFailed(logger, e, id, attempt);
            }
        }

        return new ScoringSweepPass(true, requeued);
    }

    /// <summary>
    /// The number of the requeue due <paramref name="sinceEnd"/> after the interview ended: 1 from <paramref name="grace"/>,
    /// then one more each time the wait, doubling from <paramref name="grace"/>, passes again, the wait at most
    /// <paramref name="maxSpacing"/>.
    /// </summary>
    internal static int Attempt(TimeSpan sinceEnd, TimeSpan grace, TimeSpan maxSpacing)
    {
        var (attempt, due, spacing) = (1, grace, grace);
        while (due + spacing <= sinceEnd)
        {
            due += spacing;
            attempt++;
            spacing = spacing * 2 < maxSpacing ? spacing * 2 : maxSpacing;
        }

        return attempt;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // First wait, then look: start-up stays quick, and a lost job waits at most one interval longer.
                await Task.Delay(options.Value.Interval, time, stoppingToken);
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (StorageUnavailableException e)
                {
                    ScoringSweepLog.PassFailed(logger, e, (long)options.Value.Interval.TotalMinutes);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>
    /// True when the interview ends in a notice rather than a scorecard and that notice is posted (or cannot be: no hiring
    /// conversation); the scoring job posts a notice once (bot/Compliance/HiringChannelPublisher.cs).
    /// </summary>
    private async Task<bool> NoticePostedAsync(Interview interview, CancellationToken cancellationToken)
    {
        if (ScreeningNotice.For(interview, interview.ProfileId) is null)
        {
            return false;
        }

        var done = interview.HiringConversation is null
            || (await posted.ListAsync(interview.Candidate.Id, cancellationToken)).Any(m => m.InterviewId == interview.Id && m.Kind == PostedMessageKind.Notice);
        if (done)
        {
            lock (_gate)
            {
                if (_noticePosted.Count >= MaxRemembered)
                {
                    _noticePosted.Clear();
                }

                _noticePosted.Add(interview.Id);
            }
        }

        return done;
    }

    private bool Remembered(string id)
    {
        lock (_gate)
        {
            return _noticePosted.Contains(id);
        }
    }
}
