namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Webhook dead letters in process memory, for hosts without durable storage (the terminal rehearsal, tests): lost when the
/// process ends, like the in-memory job queue beside it. The bot uses its storage provider's store.
/// </summary>
internal sealed class InMemoryWebhookDeadLetterStore : IWebhookDeadLetterStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, WebhookDeadLetter> _entries = new(StringComparer.Ordinal);

    public Task AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _entries[deadLetter.EventId] = deadLetter;
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<WebhookDeadLetter>>(
                [.. _entries.Values.OrderBy(d => d.DeadLetteredAt).ThenBy(d => d.EventId, StringComparer.Ordinal).Take(limit)]);
        }
    }

    public Task<WebhookDeadLetter?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_entries.GetValueOrDefault(eventId));
        }
    }

    public Task<bool> RemoveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var removed = _entries.TryGetValue(deadLetter.EventId, out var stored) && stored.DeadLetteredAt == deadLetter.DeadLetteredAt
                && _entries.Remove(deadLetter.EventId);
            return Task.FromResult(removed);
        }
    }

    public Task<int> DeleteForInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(DeleteWhere(d => d.InterviewId == interviewId));
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(DeleteWhere(d => d.DeadLetteredAt < cutoff));
    }

    private int DeleteWhere(Func<WebhookDeadLetter, bool> doomed)
    {
        lock (_gate)
        {
            var ids = _entries.Values.Where(doomed).Select(d => d.EventId).ToList();
            ids.ForEach(id => _entries.Remove(id));
            return ids.Count;
        }
    }
}
