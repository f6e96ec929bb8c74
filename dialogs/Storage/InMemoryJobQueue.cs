using System.Globalization;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// A job queue in process memory with visibility timeouts and dequeue counts, for tests and the terminal
/// rehearsal. Jobs are lost when the process ends; the bot uses durable queues.
/// </summary>
public sealed class InMemoryJobQueue(TimeProvider time) : IJobQueue
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];
    private readonly List<(QueuedJob Job, string Reason)> _poison = [];
    private long _nextId;

    /// <summary>Jobs moved to the poison store, with the reason.</summary>
    public IReadOnlyList<(QueuedJob Job, string Reason)> Poisoned
    {
        get
        {
            lock (_gate)
            {
                return [.. _poison];
            }
        }
    }

    /// <summary>Jobs waiting or in flight.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _nextId++;
            var now = time.GetUtcNow();
            _entries.Add(new Entry(_nextId.ToString(CultureInfo.InvariantCulture), job) { VisibleAt = job.NotBefore > now ? job.NotBefore.Value : now });
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxJobs);
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        var received = new List<QueuedJob>();
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.VisibleAt <= now).Take(maxJobs))
            {
                entry.DequeueCount++;
                entry.Receipt = Guid.NewGuid().ToString("N");
                entry.VisibleAt = now + visibilityTimeout;
                received.Add(new QueuedJob(entry.Job, entry.Id, entry.Receipt, entry.DequeueCount));
            }
        }

        return Task.FromResult<IReadOnlyList<QueuedJob>>(received);
    }

    public Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _entries.RemoveAll(e => e.Id == job.MessageId && e.Receipt == job.Receipt);
        }

        return Task.CompletedTask;
    }

    public Task ReleaseAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        var now = time.GetUtcNow();
        lock (_gate)
        {
            foreach (var entry in _entries.Where(e => e.Id == job.MessageId && e.Receipt == job.Receipt))
            {
                entry.Receipt = null;
                entry.VisibleAt = now;
            }
        }

        return Task.CompletedTask;
    }

    public Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_entries.RemoveAll(e => e.Id == job.MessageId && e.Receipt == job.Receipt) > 0)
            {
                _poison.Add((job, reason));
            }
        }

        return Task.CompletedTask;
    }

    private sealed class Entry(string id, ScoringJob job)
    {
        public string Id { get; } = id;

        public ScoringJob Job { get; } = job;

        public DateTimeOffset VisibleAt { get; set; }

        public int DequeueCount { get; set; }

        public string? Receipt { get; set; }
    }
}
