using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Stores interviews (who and where, position and record) with optimistic concurrency. Implementations:
/// <c>InMemoryInterviewStore</c>, SQLite and Azure Tables in <c>bot/Storage</c>; one contract
/// test suite runs against all of them.
/// </summary>
/// <remarks>
/// Thread-safe. ETags are opaque strings. Ids and conversation keys may contain any character
/// (including <c>/ \ # ?</c>, control characters and emoji); adapters encode them. Adapters translate
/// their own errors: no SQLite or Azure exception type escapes an implementation.
/// <para>The transcript outbox (<see cref="InterviewRecord.TranscriptOutbox"/>): a store that shares its storage with the
/// transcript appends the outbox's lines to the transcript in the same atomic write as the interview and returns the
/// interview with an empty outbox; otherwise the returned interview keeps them, and the caller writes them through
/// <see cref="ITranscriptStore"/> afterwards (idempotent, so a retry never duplicates a line).</para>
/// </remarks>
public interface IInterviewStore
{
    /// <summary>Creates a new interview. Throws <see cref="ConcurrencyConflictException"/> if the id exists.</summary>
    /// <returns>The interview as stored (see the outbox above) and its ETag.</returns>
    Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken);

    /// <summary>Reads an interview, or null when none has that id.</summary>
    Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces <paramref name="current"/> (the interview as it was read, with that read's ETag) by <paramref name="updated"/>
    /// if the stored ETag still equals <paramref name="current"/>'s; otherwise throws <see cref="ConcurrencyConflictException"/>
    /// (the caller reloads and retries its turn), also when the interview no longer exists. Knowing what was there lets a
    /// store write only what changed: the answers added since <paramref name="current"/>, the rest of the record and the
    /// position, and the outbox's lines.
    /// </summary>
    /// <returns>The interview as stored (see the outbox above) and its new ETag.</returns>
    Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken);

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

/// <summary>An interview with the ETag it was read or written at.</summary>
public sealed record StoredInterview(Interview Interview, string ETag)
{
    /// <summary>
    /// True when <paramref name="updated"/> keeps every answer of this interview as it is (the same records, in order) and
    /// only adds after them: what a turn does, and what lets a store append the new answers instead of rewriting them all.
    /// </summary>
    public bool AnswersOnlyGrowTo(Interview updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        var before = Interview.Record.Answers;
        var after = updated.Record.Answers;
        if (after.Count < before.Count)
        {
            return false;
        }

        for (var i = 0; i < before.Count; i++)
        {
            if (!ReferenceEquals(before[i], after[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>Filter for <see cref="IInterviewStore.ListAsync"/>; null fields match everything.</summary>
/// <param name="CreatedBefore">Only interviews created before this instant (retention).</param>
public sealed record InterviewQuery(string? ProfileId = null, string? CandidateId = null, DateTimeOffset? CreatedBefore = null)
{
    public static InterviewQuery All { get; } = new();
}
