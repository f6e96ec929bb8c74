using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Serialization;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>Decision histories in process memory; same contract as the durable stores.</summary>
public sealed class InMemoryDecisionStore : IDecisionStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _entries = new(StringComparer.Ordinal);

    public Task AppendAsync(DecisionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();
        _entries.GetOrAdd(entry.InterviewId, _ => new(StringComparer.Ordinal)).TryAdd(entry.Id, DialogsJson.Serialize(entry));
        return Task.CompletedTask;
    }

    public Task<DecisionHistory> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryGetValue(interviewId, out var entries)
            ? new DecisionHistory(entries.Values.Select(DialogsJson.Deserialize<DecisionEntry>))
            : DecisionHistory.Empty);
    }

    public Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_entries.TryRemove(interviewId, out var removed) ? removed.Count : 0);
    }
}
