using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Stores interviews (record + dialog state) with optimistic concurrency. Implementations:
/// <c>InMemoryInterviewStore</c>, SQLite and Azure Tables in <c>bot/Storage</c>; one contract
/// test suite runs against all of them.
/// </summary>
/// <remarks>
/// Thread-safe. ETags are opaque strings. Ids and conversation keys may contain any character
/// (including <c>/ \ # ?</c>, control characters and emoji); adapters encode them. Adapters translate
/// their own errors: no SQLite or Azure exception type escapes an implementation.
/// </remarks>
public interface IInterviewStore
{
    /// <summary>Creates a new interview. Throws <see cref="ConcurrencyConflictException"/> if the id exists.</summary>
    /// <returns>The ETag of the stored record.</returns>
    Task<string> CreateAsync(Interview interview, CancellationToken cancellationToken);

    /// <summary>Reads an interview, or null when none has that id.</summary>
    Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces an interview if its stored ETag still equals <paramref name="etag"/>; otherwise throws
    /// <see cref="ConcurrencyConflictException"/> (the caller reloads and retries its turn). Also throws it
    /// when the interview no longer exists.
    /// </summary>
    /// <returns>The new ETag.</returns>
    Task<string> UpdateAsync(Interview interview, string etag, CancellationToken cancellationToken);

    /// <summary>
    /// The most recent interview whose candidate conversation has key <paramref name="conversationKey"/>
    /// (<see cref="ConversationAddress.Key"/>), or null.
    /// </summary>
    Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Interviews newest first, optionally only those of one profile or candidate; at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken);

    /// <summary>Deletes an interview; returns false when it did not exist.</summary>
    Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken);
}

/// <summary>An interview with the ETag it was read at.</summary>
public sealed record StoredInterview(Interview Interview, string ETag);

/// <summary>Filter for <see cref="IInterviewStore.ListAsync"/>; null fields match everything.</summary>
/// <param name="CreatedBefore">Only interviews created before this instant (retention).</param>
public sealed record InterviewQuery(string? ProfileId = null, string? CandidateId = null, DateTimeOffset? CreatedBefore = null)
{
    public static InterviewQuery All { get; } = new();
}
