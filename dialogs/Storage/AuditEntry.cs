namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// One link of the audit log's hash chain: the event, its place (<see cref="Sequence"/>, from 1 without gaps), the hash of
/// the entry before it (<see cref="Compliance.AuditChain.Genesis"/> for the first) and its own hash over all of that
/// (<see cref="Compliance.AuditChain.ComputeHash"/>). Changing, removing or reordering an entry breaks the chain there.
/// </summary>
public sealed record AuditEntry(long Sequence, AuditEvent Event, string PreviousHash, string Hash);

/// <summary>An audit entry as stored: its sequence and its JSON, parsed only when read (a damaged row is reported, not thrown).</summary>
public sealed record AuditRow(long Sequence, string Json);
