namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Deletes stored candidate data through the ports only, so it works on every backend: everything about one
/// candidate (GDPR erasure, the <c>forget</c> operation) and everything older than the retention period.
/// For each interview it deletes the transcript, the report and the self-identification, then the interview record last: the
/// record is how the rest is found, so an erasure interrupted half-way is completed by running it again. Messages posted in
/// Teams or Slack are the caller's to remove first (bot/Compliance/CandidateRightsService.cs): erasure keeps their records, so
/// one it could not reach is tried again next time; a retention purge drops the records of what it purged.
/// </summary>
/// <remarks>
/// Thread-safe; safe to run on several instances at once (deleting what is already gone counts nothing).
/// Scoring jobs still queued for a deleted interview find no interview; their handler must treat that as done.
/// </remarks>
public sealed class CandidateDataService
{
    /// <summary>Interviews listed per round; each round deletes what it listed, so the next round lists the rest.</summary>
    public const int PageSize = 100;

    private readonly IInterviewStore _interviews;
    private readonly ITranscriptStore _transcripts;
    private readonly IReportStore _reports;
    private readonly ISelfIdentificationStore _selfIdentifications;
    private readonly IPostedMessageStore _postedMessages;

    public CandidateDataService(
        IInterviewStore interviews, ITranscriptStore transcripts, IReportStore reports, ISelfIdentificationStore selfIdentifications, IPostedMessageStore postedMessages)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(transcripts);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(selfIdentifications);
        ArgumentNullException.ThrowIfNull(postedMessages);
        _interviews = interviews;
        _transcripts = transcripts;
        _reports = reports;
        _selfIdentifications = selfIdentifications;
        _postedMessages = postedMessages;
    }

    /// <summary>Deletes every interview of the candidate with channel user id <paramref name="candidateId"/>, with transcripts and reports.</summary>
    public Task<ErasureReport> ForgetCandidateAsync(string candidateId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateId);
        return EraseAsync(new InterviewQuery(CandidateId: candidateId), purge: false, cancellationToken);
    }

    /// <summary>Deletes every interview created before <paramref name="cutoff"/>, with transcripts and reports.</summary>
    public Task<ErasureReport> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        EraseAsync(new InterviewQuery(CreatedBefore: cutoff), purge: true, cancellationToken);

    private async Task<ErasureReport> EraseAsync(InterviewQuery query, bool purge, CancellationToken cancellationToken)
    {
        var interviewIds = new List<string>();
        var turns = 0;
        var reports = 0;
        var selfIdentifications = 0;
        while (true)
        {
            var page = await _interviews.ListAsync(query, PageSize, cancellationToken);
            var deletedThisRound = 0;
            foreach (var interview in page)
            {
                turns += await _transcripts.DeleteAsync(interview.Id, cancellationToken);
                if (await _reports.DeleteAsync(interview.Id, cancellationToken))
                {
                    reports++;
                }

                if (await _selfIdentifications.DeleteAsync(interview.Id, cancellationToken))
                {
                    selfIdentifications++;
                }

                if (purge)
                {
                    foreach (var posted in (await _postedMessages.ListAsync(interview.Candidate.Id, cancellationToken)).Where(m => m.InterviewId == interview.Id))
                    {
                        await _postedMessages.DeleteAsync(posted, cancellationToken);
                    }
                }

                if (await _interviews.DeleteAsync(interview.Id, cancellationToken))
                {
                    interviewIds.Add(interview.Id);
                    deletedThisRound++;
                }
            }

            // An empty page is the end; a page whose interviews were all gone already (another instance is
            // erasing too) ends this run rather than looping on a listing that does not shrink.
            if (page.Count < PageSize || deletedThisRound == 0)
            {
                return new ErasureReport(interviewIds, turns, reports) { SelfIdentifications = selfIdentifications };
            }
        }
    }
}
