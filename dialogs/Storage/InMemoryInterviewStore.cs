using System.Collections.Concurrent;
using System.Globalization;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Interviews in process memory, with the same contract as the durable stores (ETags, conflicts).
/// For tests and the terminal rehearsal. Every write round-trips the record through JSON, so a test
/// that passes here also proves the state serialises.
/// </summary>
public sealed class InMemoryInterviewStore : IInterviewStore
{
    private readonly ConcurrentDictionary<string, (string Json, string ETag, string ConversationKey, DateTimeOffset CreatedAt)> _items = new(StringComparer.Ordinal);
    private long _version;

    public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interview);
        cancellationToken.ThrowIfCancellationRequested();
        var etag = NextETag();
        if (!_items.TryAdd(interview.Id, (Serialize(interview), etag, interview.ConversationKey, interview.CreatedAt)))
        {
            throw new ConcurrencyConflictException($"An interview with id '{interview.Id}' already exists.");
        }

        // The transcript lives elsewhere: the outbox stays in the interview for the caller to write.
        return Task.FromResult(new StoredInterview(interview, etag));
    }

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_items.TryGetValue(interviewId, out var item) ? new StoredInterview(Deserialize(item.Json), item.ETag) : null);
    }

    public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);
        cancellationToken.ThrowIfCancellationRequested();
        var (interview, etag) = (updated, current.ETag);
        if (!string.Equals(current.Interview.Id, updated.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The update is of interview '{updated.Id}', but '{current.Interview.Id}' was read.", nameof(updated));
        }

        if (!_items.TryGetValue(interview.Id, out var stored) || stored.ETag != etag)
        {
            throw new ConcurrencyConflictException($"Interview '{interview.Id}' was changed or deleted since it was read.");
        }

        var next = NextETag();
        if (!_items.TryUpdate(interview.Id, (Serialize(interview), next, interview.ConversationKey, stored.CreatedAt), stored))
        {
            throw new ConcurrencyConflictException($"Interview '{interview.Id}' was changed since it was read.");
        }

        return Task.FromResult(new StoredInterview(interview, next));
    }

    public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversationKey);
        cancellationToken.ThrowIfCancellationRequested();
        var match = _items.Values
            .Where(i => string.Equals(i.ConversationKey, conversationKey, StringComparison.Ordinal))
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => (Json: i.Json, ETag: i.ETag))
            .FirstOrDefault();
        return Task.FromResult(match.Json is null ? null : new StoredInterview(Deserialize(match.Json), match.ETag));
    }

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Interview> result = _items.Values
            .Select(i => Deserialize(i.Json))
            .Where(i => query.ProfileId is null || i.ProfileId == query.ProfileId)
            .Where(i => query.CandidateId is null || i.Candidate.Id == query.CandidateId)
            .Where(i => query.CreatedBefore is null || i.CreatedAt < query.CreatedBefore)
            .OrderByDescending(i => i.CreatedAt)
            .ThenBy(i => i.Id, StringComparer.Ordinal)
            .Take(limit)
            .ToArray();
        return Task.FromResult(result);
    }

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_items.TryRemove(interviewId, out _));
    }

    private static string Serialize(Interview interview) => Serialization.DialogsJson.Serialize(interview);

    private static Interview Deserialize(string json) => Serialization.InterviewSchema.Read(json);

    private string NextETag() => "W/\"" + Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture) + "\"";
}
