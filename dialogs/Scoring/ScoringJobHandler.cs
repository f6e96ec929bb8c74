using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// Scores a finished interview and posts its scorecard once. Idempotent: a job delivered twice finds the
/// stored report (and its posted mark) and does nothing more. Throws when storage or the channel fails,
/// so the queue delivers the job again later.
/// </summary>
public sealed class ScoringJobHandler : IScoringJobHandler
{
    private readonly IInterviewStore _interviews;
    private readonly ITranscriptStore _transcripts;
    private readonly IReportStore _reports;
    private readonly IProfileSource _profiles;
    private readonly IScorecardPublisher _publisher;
    private readonly IScorecardNarrator _narrator;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>A handler whose scorecards keep the offline template narrative.</summary>
    public ScoringJobHandler(
        IInterviewStore interviews,
        ITranscriptStore transcripts,
        IReportStore reports,
        IProfileSource profiles,
        IScorecardPublisher publisher,
        TimeProvider time,
        ILogger<ScoringJobHandler> logger)
        : this(interviews, transcripts, reports, profiles, publisher, TemplateScorecardNarrator.Instance, time, logger)
    {
    }

    public ScoringJobHandler(
        IInterviewStore interviews,
        ITranscriptStore transcripts,
        IReportStore reports,
        IProfileSource profiles,
        IScorecardPublisher publisher,
        IScorecardNarrator narrator,
        TimeProvider time,
        ILogger<ScoringJobHandler> logger)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(transcripts);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(publisher);
        ArgumentNullException.ThrowIfNull(narrator);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _interviews = interviews;
        _transcripts = transcripts;
        _reports = reports;
        _profiles = profiles;
        _publisher = publisher;
        _narrator = narrator;
        _time = time;
        _logger = logger;
    }

    public async Task HandleAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var stored = await _interviews.GetAsync(job.InterviewId, cancellationToken);
        if (stored is null)
        {
            DialogsLog.ScoringSkipped(_logger, job.InterviewId, "the interview no longer exists (forgotten or purged)");
            return;
        }

        var interview = stored.Interview;
        if (!interview.Record.IsEnded || interview.Status == InterviewStatus.Cancelled)
        {
            DialogsLog.ScoringSkipped(_logger, job.InterviewId, interview.Record.IsEnded ? "cancelled by a recruiter" : "the interview has not ended");
            return;
        }

        var title = _profiles.TryGet(interview.ProfileId, out var profile) ? profile.Title : interview.ProfileId;
        if (Compliance.ScreeningNotice.For(interview, title) is { } notice)
        {
            // Declined or asked for a person: nothing to score, and no "No · 0/100" about someone who said no.
            Compliance.ComplianceLog.NoticeInsteadOfScorecard(_logger, interview.Id, notice.Reason);
            await _publisher.PublishNoticeAsync(interview, notice, cancellationToken);
            return;
        }

        var report = await _reports.GetAsync(interview.Id, cancellationToken) ?? await BuildAsync(interview, cancellationToken);
        if (report.PostedAt is not null)
        {
            DialogsLog.ScoringSkipped(_logger, job.InterviewId, "the scorecard was already posted");
            return;
        }

        var messageId = await _publisher.PublishAsync(interview, report.Scorecard, cancellationToken);
        await _reports.SaveAsync(report with { PostedAt = _time.GetUtcNow(), PostedMessageId = messageId }, cancellationToken);
        DialogsLog.ScorecardPosted(_logger, interview.Id, messageId);
    }

    /// <summary>Builds and stores the report of a finished interview (also used by the report command).</summary>
    public async Task<StoredReport> BuildAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        if (!_profiles.TryGet(interview.ProfileId, out var profile))
        {
            throw new InvalidOperationException($"Profile '{interview.ProfileId}' of interview {interview.Id} is no longer available; restore profiles/{interview.ProfileId}.yaml to score it.");
        }

        if (interview.Record.TranscriptOutbox.Count > 0)
        {
            await _transcripts.AppendAsync(interview.Id, interview.Record.TranscriptOutbox, cancellationToken);
        }

        var transcript = await _transcripts.ReadAsync(interview.Id, cancellationToken);
        var scorecard = await NarrateAsync(profile, interview, ScorecardBuilder.Build(profile, interview, transcript), transcript, cancellationToken);
        var report = new StoredReport(interview.Id, scorecard, _time.GetUtcNow());
        await _reports.SaveAsync(report, cancellationToken);
        DialogsLog.ScorecardBuilt(_logger, interview.Id, scorecard.Recommendation.ToDisplay(), scorecard.CompositeScore);
        return report;
    }

    /// <summary>The narrator's scorecard; the template one, with a note saying so, when the narrator fails.</summary>
    private async Task<Scorecard> NarrateAsync(Profile profile, Interview interview, Scorecard template, IReadOnlyList<TranscriptTurn> transcript, CancellationToken cancellationToken)
    {
        try
        {
            return await _narrator.NarrateAsync(profile, interview, template, transcript, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The figures are already computed; a narrative failure must not cost the recruiter the scorecard.
            DialogsLog.NarrativeFailed(_logger, interview.Id, e);
            return template with { JudgeDescription = $"{template.JudgeDescription}; narrative from the offline template (the narrator failed: {e.GetType().Name})" };
        }
    }
}
