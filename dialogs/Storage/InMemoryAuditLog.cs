namespace ScreeningBot.Dialogs.Storage;

/// <summary>The audit log in process memory, for tests and the terminal rehearsal; same contract as the durable logs.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditRow> _rows = [];
    private AuditEntry? _head;

    public Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var entry = Compliance.AuditChain.Seal(auditEvent, _head?.Sequence ?? 0, _head?.Hash);
            _rows.Add(new AuditRow(entry.Sequence, Serialization.DialogsJson.Serialize(entry)));
            _head = entry;
            return Task.FromResult(entry);
        }
    }

    public Task<IReadOnlyList<AuditRow>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<AuditRow> page = [.. _rows.Where(r => r.Sequence > afterSequence).Take(limit)];
            return Task.FromResult(page);
        }
    }

    /// <summary>Rewrites a stored row as someone with access to the store could (tests of tamper detection).</summary>
    internal void Tamper(long sequence, Func<string, string> edit)
    {
        lock (_gate)
        {
            var index = _rows.FindIndex(r => r.Sequence == sequence);
            _rows[index] = _rows[index] with { Json = edit(_rows[index].Json) };
        }
    }

    /// <summary>Removes a stored row (tests of tamper detection).</summary>
    internal void Remove(long sequence)
    {
        lock (_gate)
        {
            _rows.RemoveAll(r => r.Sequence == sequence);
        }
    }
}
