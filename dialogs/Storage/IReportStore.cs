using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Stores the scorecard of each finished interview and whether it was posted, so a scoring job that runs
/// twice posts once.
/// </summary>
public interface IReportStore
{
    /// <summary>Creates or replaces the report of an interview.</summary>
    Task SaveAsync(StoredReport report, CancellationToken cancellationToken);

    Task<StoredReport?> GetAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Deletes the report; returns false when none existed.</summary>
    Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken);
}

/// <summary>A scorecard plus its delivery state.</summary>
/// <param name="PostedAt">When the scorecard reached the hiring channel; null until then.</param>
/// <param name="PostedMessageId">The channel's id of the posted message (for updates).</param>
public sealed record StoredReport(
    string InterviewId,
    Scorecard Scorecard,
    DateTimeOffset CreatedAt,
    DateTimeOffset? PostedAt = null,
    string? PostedMessageId = null);
