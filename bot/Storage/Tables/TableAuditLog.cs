using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// The audit log in Azure Table Storage, table <c>{prefix}audit</c>, one partition: an entity per entry (RowKey = the
/// sequence, zero-padded so keys sort in order) and a <c>head</c> entity naming the last one. An append inserts the next
/// entry and moves the head, If-Match on the head's ETag, in one entity-group transaction: of two instances appending at
/// once, one commits and the other gets 409/412, reads the new head and chains onto it. The chain never forks.
/// </summary>
internal sealed class TableAuditLog(AzureStorageAccount account) : IAuditLog
{
    private const string Partition = "audit";
    private const string HeadRowKey = "head";

    // Entry row keys are 19 digits; the head's "head" sorts after all of them.
    private const string LastEntryRowKey = "9999999999999999999";

    // A round is lost only to another instance's successful append, so contention ends; this bounds a pathological case.
    private const int MaxRounds = 100;

    public async Task<AuditEntry> AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.AuditTable, cancellationToken);
            for (var round = 0; round < MaxRounds; round++)
            {
                var head = await table.GetEntityIfExistsAsync<TableEntity>(Partition, HeadRowKey, cancellationToken: cancellationToken);
                var current = head.HasValue ? head.Value : null;
                var entry = AuditChain.Seal(auditEvent, current?.GetInt64("Sequence") ?? 0, current?.GetString("Hash"));
                var row = new TableEntity(Partition, RowKey(entry.Sequence))
                {
                    ["Hash"] = entry.Hash,
                    ["Json"] = StoredDocuments.Serialize(entry, $"audit entry {entry.Sequence}"),
                };
                var next = new TableEntity(Partition, HeadRowKey) { ["Sequence"] = entry.Sequence, ["Hash"] = entry.Hash };
                TableTransactionAction[] actions = current is null
                    ? [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.Add, next)]
                    : [new(TableTransactionActionType.Add, row), new(TableTransactionActionType.UpdateReplace, next, current.ETag)];
                try
                {
                    await table.SubmitTransactionAsync(actions, cancellationToken);
                    return entry;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412)
                {
                    // Another instance appended first: read the new head and chain onto it.
                }
            }

            throw new StorageUnavailableException($"The audit log's head kept moving for {MaxRounds} rounds; nothing was appended. Try again.");
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("append to the audit log", e);
        }
    }

    public async Task<IReadOnlyList<AuditRow>> ReadAsync(long afterSequence, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.AuditTable, cancellationToken);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey gt {RowKey(Math.Max(0, afterSequence))} and RowKey le {LastEntryRowKey}");
            var rows = new List<AuditRow>(Math.Min(limit, 1000));
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(limit, 1000), select: ["RowKey", "Json"], cancellationToken: cancellationToken))
            {
                rows.Add(new AuditRow(long.Parse(entity.RowKey, NumberStyles.None, CultureInfo.InvariantCulture), entity.GetString("Json") ?? string.Empty));
                if (rows.Count == limit)
                {
                    break;
                }
            }

            return rows;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read the audit log", e);
        }
    }

    internal static string RowKey(long sequence) => sequence.ToString("D19", CultureInfo.InvariantCulture);
}
