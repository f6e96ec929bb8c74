using System.Collections.Concurrent;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>Reports in process memory; same contract as the durable stores.</summary>
public sealed class InMemoryReportStore : IReportStore
{
    private readonly ConcurrentDictionary<string, string> _reports = new(StringComparer.Ordinal);

    public Task SaveAsync(StoredReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        cancellationToken.ThrowIfCancellationRequested();
        _reports[report.InterviewId] = Serialization.DialogsJson.Serialize(report);
        return Task.CompletedTask;
    }

    public Task<StoredReport?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_reports.TryGetValue(interviewId, out var json) ? Serialization.DialogsJson.Deserialize<StoredReport>(json) : null);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_reports.TryRemove(interviewId, out _));
    }
}
