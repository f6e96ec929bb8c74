using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// Everything stored about one candidate, for an access request: each interview (record and dialog state, transcript,
/// scorecard, and for the operator the self-identification kept apart), where the bot posted about them, and the audit
/// entries that name them. Built by <see cref="CandidateExporter"/>; written as JSON.
/// </summary>
public sealed record CandidateExport
{
    /// <summary>Names this document's shape, for whoever reads an export later.</summary>
    public const string CurrentFormat = "screeningbot-candidate-export/1";

    public string Format { get; init; } = CurrentFormat;

    public required string CandidateId { get; init; }

    public required DateTimeOffset ExportedAt { get; init; }

    /// <summary>Who asked for it (<see cref="AuditActors"/>).</summary>
    public required string ExportedBy { get; init; }

    public required IReadOnlyList<ExportedInterview> Interviews { get; init; }

    /// <summary>Messages in hiring channels about the candidate (addresses and ids; their content is the scorecards above).</summary>
    public required IReadOnlyList<PostedMessage> PostedMessages { get; init; }

    /// <summary>Audit entries that name the candidate (by their pseudonym, <see cref="AuditActors.CandidateRef"/>).</summary>
    public required IReadOnlyList<AuditEntry> AuditEntries { get; init; }

    /// <summary>False in a recruiter's export: self-identification is never shown to recruiters one by one.</summary>
    public required bool SelfIdentificationIncluded { get; init; }

    public string? Note { get; init; }
}

/// <summary>One interview of the candidate with what hangs off it.</summary>
public sealed record ExportedInterview(Interview Interview, IReadOnlyList<TranscriptTurn> Transcript, StoredReport? Report, SelfIdentification? SelfIdentification);
