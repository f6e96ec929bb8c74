using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// One row per screen of a profile (started on or after a date), with its score, recommendation and decision, as CSV or
/// JSON for an applicant tracking system: the <c>export</c> verb and the recruiter command's download. Read-only.
/// </summary>
internal sealed class ScreenExporter(IInterviewStore interviews, IReportStore reports, IDecisionStore decisions, ReportLinks links)
{
    /// <summary>Most screens one export reads (newest first); narrow with a profile or a date beyond that.</summary>
    public const int MaxRows = 10_000;

    public static IReadOnlyList<string> Header { get; } =
    [
        "interview_id", "candidate", "candidate_id", "profile", "status", "score", "recommendation", "confidence",
        "decision", "decided_by", "decided_at", "decision_reason", "report_link", "started_at", "ended_at",
    ];

    /// <summary>The rows, oldest screen first.</summary>
    public async Task<IReadOnlyList<ExportRow>> RowsAsync(string? profileId, DateTimeOffset? since, CancellationToken cancellationToken)
    {
        var found = await interviews.ListAsync(new InterviewQuery(ProfileId: profileId), MaxRows, cancellationToken);
        var rows = new List<ExportRow>();
        foreach (var interview in found.Where(i => since is null || i.CreatedAt >= since).OrderBy(i => i.CreatedAt).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var report = await reports.GetAsync(interview.Id, cancellationToken);
            var current = (await decisions.GetAsync(interview.Id, cancellationToken)).Current;
            rows.Add(Row(interview, report?.Scorecard, current));
        }

        return rows;
    }

    /// <summary>One screen's row: <paramref name="scorecard"/> null until scored, <paramref name="current"/> null until decided.</summary>
    public ExportRow Row(Interview interview, Scorecard? scorecard, DecisionEntry? current)
    {
        ArgumentNullException.ThrowIfNull(interview);
        return new ExportRow
        {
            InterviewId = interview.Id,
            Candidate = interview.Candidate.Name,
            CandidateId = interview.Candidate.Id,
            Profile = interview.ProfileId,
            Status = interview.Status.ToString(),
            Score = scorecard?.CompositeScore,
            Recommendation = scorecard?.Recommendation.ToDisplay(),
            Confidence = scorecard is null ? null : Math.Round(scorecard.Confidence, 2),
            Decision = current?.Decision?.ToVerb(),
            DecidedBy = current?.By,
            DecidedAt = current?.At,
            DecisionReason = current?.Text,
            ReportLink = scorecard is null ? null : links.Create(interview.Id),
            StartedAt = interview.CreatedAt,
            EndedAt = interview.Record.EndedAt,
        };
    }

    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<ExportRow> rows, ExportFormat format, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        if (format == ExportFormat.Json)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(rows, ExportJsonContext.Default.IReadOnlyListExportRow).AsMemory(), cancellationToken);
            return;
        }

        // A candidate's name is untrusted: a cell starting with = + - @ would run as a formula in a spreadsheet.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape, NewLine = "\r\n" };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync();
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            csv.WriteField(row.InterviewId);
            csv.WriteField(row.Candidate);
            csv.WriteField(row.CandidateId);
            csv.WriteField(row.Profile);
            csv.WriteField(row.Status);
            csv.WriteField(row.Score?.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(row.Recommendation);
            csv.WriteField(row.Confidence?.ToString("0.00", CultureInfo.InvariantCulture));
            csv.WriteField(row.Decision);
            csv.WriteField(row.DecidedBy);
            csv.WriteField(Time(row.DecidedAt));
            csv.WriteField(row.DecisionReason);
            csv.WriteField(row.ReportLink);
            csv.WriteField(Time(row.StartedAt));
            csv.WriteField(Time(row.EndedAt));
            await csv.NextRecordAsync();
        }

        await csv.FlushAsync();
    }

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
