namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// The append-only, hash-chained audit log (invitations, consents, opt-outs, decisions and by whom, exports, erasures).
/// Implementations: <see cref="InMemoryAuditLog"/>, SQLite and Azure Tables in <c>bot/Storage</c>; one contract suite runs
/// against all of them.
/// </summary>
/// <remarks>
/// Thread-safe and safe for many bot instances on one store: an append reads the head, seals the entry onto it
/// (<see cref="Compliance.AuditChain.Seal"/>) and writes it only if the head is still the head (the backend's optimistic
/// concurrency); a lost race reads the new head and tries again, so the chain never forks. There is no update or delete.
/// </remarks>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="auditEvent"/> at the head and returns the sealed entry.</summary>
    /// <exception cref="StorageUnavailableException">Storage is down, or the head stayed contended; nothing was appended.</exception>
    Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Stored rows with a sequence above <paramref name="afterSequence"/>, in sequence order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<AuditRow>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken);
}
