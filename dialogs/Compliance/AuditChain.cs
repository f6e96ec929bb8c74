using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// The audit log's hash chain: sealing an event onto the head, and checking a whole log. An entry's hash is SHA-256 over
/// its sequence, its event's fields and the previous entry's hash, each field length-prefixed so no two different entries
/// hash the same text. Pure; every <see cref="IAuditLog"/> backend uses it, so all write the same chain.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>Rows read per round when checking a log.</summary>
    public const int PageSize = 500;

    /// <summary>The entry that follows the head (<paramref name="headSequence"/>, <paramref name="headHash"/>; 0 and null for an empty log).</summary>
    public static AuditEntry Seal(AuditEvent auditEvent, long headSequence, string? headHash)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        ArgumentOutOfRangeException.ThrowIfNegative(headSequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(auditEvent.Actor, nameof(auditEvent));
        if (auditEvent.Actor.Length > AuditEvent.MaxActorLength || auditEvent.Detail?.Length > AuditEvent.MaxDetailLength)
        {
            throw new ArgumentException($"An audit event's actor is at most {AuditEvent.MaxActorLength} characters and its detail at most {AuditEvent.MaxDetailLength}.", nameof(auditEvent));
        }

        var previous = headSequence == 0 ? Genesis : headHash ?? throw new ArgumentNullException(nameof(headHash));
        var entry = new AuditEntry(headSequence + 1, auditEvent, previous, string.Empty);
        return entry with { Hash = ComputeHash(entry) };
    }

    /// <summary>The hash an entry must carry: over everything in it but the hash itself.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var e = entry.Event;
        var text = new StringBuilder();
        foreach (var field in (string?[])[
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            e.Timestamp.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.Action.ToString(),
            e.Actor,
            e.InterviewId,
            e.ProfileId,
            e.Candidate,
            e.Detail,
            entry.PreviousHash,
        ])
        {
            // Length-prefixed (-1 for a missing field), so "a|b" + "c" and "a" + "b|c" never hash alike.
            text.Append(field?.Length ?? -1).Append(':').Append(field).Append(';');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Reads a stored row, or null when it is not a readable entry.</summary>
    public static AuditEntry? Parse(AuditRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            return DialogsJson.Deserialize<AuditEntry>(row.Json) is { Event: not null, PreviousHash: not null, Hash: not null } entry ? entry : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Walks the whole log from the first entry and reports the first entry that breaks the chain, if any.</summary>
    public static async Task<AuditVerification> VerifyAsync(IAuditLog log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        var expected = 1L;
        var previousHash = Genesis;
        while (true)
        {
            var page = await log.ReadAsync(expected - 1, PageSize, cancellationToken);
            foreach (var row in page)
            {
                if (Check(row, expected, previousHash) is { } problem)
                {
                    return AuditVerification.Broken(expected - 1, previousHash, Math.Min(row.Sequence, expected), problem);
                }

                previousHash = Parse(row)!.Hash;
                expected++;
            }

            if (page.Count < PageSize)
            {
                return AuditVerification.Intact(expected - 1, previousHash);
            }
        }
    }

    private static string? Check(AuditRow row, long expected, string previousHash)
    {
        if (row.Sequence != expected)
        {
            return row.Sequence > expected
                ? $"entry {expected} is missing: the log goes from entry {expected - 1} to entry {row.Sequence}"
                : $"entry {row.Sequence} appears twice";
        }

        if (Parse(row) is not { } entry)
        {
            return $"entry {expected} is not a readable audit entry";
        }

        if (entry.Sequence != expected)
        {
            return $"entry {expected} is stored under the wrong number (it says {entry.Sequence})";
        }

        if (!string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return $"entry {expected} does not follow entry {expected - 1}: it names a previous hash that is not entry {expected - 1}'s";
        }

        return string.Equals(ComputeHash(entry), entry.Hash, StringComparison.Ordinal)
            ? null
            : $"entry {expected} was altered: its content no longer matches its hash";
    }
}
