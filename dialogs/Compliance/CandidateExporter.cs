using System.Text.Json;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// Gathers a <see cref="CandidateExport"/> through the storage ports, so it works on every backend. Reads only; the caller
/// records the export in the audit log (it knows who asked).
/// </summary>
public sealed class CandidateExporter
{
    /// <summary>Most interviews one export lists; a candidate screened more often than this is not a real case.</summary>
    public const int MaxInterviews = 1_000;

    private static readonly JsonSerializerOptions Indented = new(DialogsJson.Options) { WriteIndented = true };

    private readonly IInterviewStore _interviews;
    private readonly ITranscriptStore _transcripts;
    private readonly IReportStore _reports;
    private readonly ISelfIdentificationStore _selfIdentifications;
    private readonly IPostedMessageStore _postedMessages;
    private readonly IAuditLog _auditLog;
    private readonly TimeProvider _time;

    public CandidateExporter(
        IInterviewStore interviews,
        ITranscriptStore transcripts,
        IReportStore reports,
        ISelfIdentificationStore selfIdentifications,
        IPostedMessageStore postedMessages,
        IAuditLog auditLog,
        TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(transcripts);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(selfIdentifications);
        ArgumentNullException.ThrowIfNull(postedMessages);
        ArgumentNullException.ThrowIfNull(auditLog);
        ArgumentNullException.ThrowIfNull(time);
        _interviews = interviews;
        _transcripts = transcripts;
        _reports = reports;
        _selfIdentifications = selfIdentifications;
        _postedMessages = postedMessages;
        _auditLog = auditLog;
        _time = time;
    }

    /// <param name="includeSelfIdentification">True for the operator answering an access request; false for a recruiter.</param>
    public async Task<CandidateExport> ExportAsync(string candidateId, string exportedBy, bool includeSelfIdentification, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(candidateId);
        ArgumentException.ThrowIfNullOrWhiteSpace(exportedBy);
        var interviews = new List<ExportedInterview>();
        foreach (var interview in (await _interviews.ListAsync(new InterviewQuery(CandidateId: candidateId), MaxInterviews, cancellationToken)).OrderBy(i => i.CreatedAt))
        {
            interviews.Add(new ExportedInterview(
                interview,
                await _transcripts.ReadAsync(interview.Id, cancellationToken),
                await _reports.GetAsync(interview.Id, cancellationToken),
                includeSelfIdentification ? await _selfIdentifications.GetAsync(interview.Id, cancellationToken) : null));
        }

        return new CandidateExport
        {
            CandidateId = candidateId,
            ExportedAt = _time.GetUtcNow(),
            ExportedBy = exportedBy,
            Interviews = interviews,
            PostedMessages = await _postedMessages.ListAsync(candidateId, cancellationToken),
            AuditEntries = await AuditEntriesAsync(AuditActors.CandidateRef(candidateId), cancellationToken),
            SelfIdentificationIncluded = includeSelfIdentification,
            Note = includeSelfIdentification
                ? null
                : "Self-identification answers (optional, used only for the adverse-impact report) are kept apart and are not shown to recruiters; the bot's operator can include them with the export-candidate command-line verb.",
        };
    }

    /// <summary>The export as indented JSON (camelCase, enums as words, like everything the bot stores).</summary>
    public static string ToJson(CandidateExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return JsonSerializer.Serialize(export, Indented.GetTypeInfo(typeof(CandidateExport)));
    }

    private async Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync(string candidateRef, CancellationToken cancellationToken)
    {
        var found = new List<AuditEntry>();
        for (long after = 0; ;)
        {
            var page = await _auditLog.ReadAsync(after, AuditChain.PageSize, cancellationToken);
            foreach (var row in page)
            {
                if (AuditChain.Parse(row) is { } entry && string.Equals(entry.Event.Candidate, candidateRef, StringComparison.Ordinal))
                {
                    found.Add(entry);
                }

                after = row.Sequence;
            }

            if (page.Count < AuditChain.PageSize)
            {
                return found;
            }
        }
    }
}
