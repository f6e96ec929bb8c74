using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Serialization;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>Self-identification records in process memory; same contract as the durable stores.</summary>
public sealed class InMemorySelfIdentificationStore : ISelfIdentificationStore
{
    private readonly ConcurrentDictionary<string, string> _records = new(StringComparer.Ordinal);

    public Task SaveAsync(SelfIdentification record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        cancellationToken.ThrowIfCancellationRequested();
        _records[record.InterviewId] = DialogsJson.Serialize(record);
        return Task.CompletedTask;
    }

    public Task<SelfIdentification?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.TryGetValue(interviewId, out var json) ? DialogsJson.Deserialize<SelfIdentification>(json) : null);
    }

    public Task<IReadOnlyList<SelfIdentification>> ListAsync(SelfIdentificationQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<SelfIdentification> found = [.. _records.Values
            .Select(DialogsJson.Deserialize<SelfIdentification>)
            .Where(r => query.ProfileId is null || string.Equals(r.ProfileId, query.ProfileId, StringComparison.Ordinal))
            .Where(r => r.InterviewCreatedAt >= query.From && r.InterviewCreatedAt < query.To)];
        return Task.FromResult(found);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.TryRemove(interviewId, out _));
    }
}
