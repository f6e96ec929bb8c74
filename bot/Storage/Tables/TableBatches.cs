using Azure;
using Azure.Data.Tables;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Entity group transactions within one partition: at most 100 actions and a 4 MiB request each. Larger sets
/// are cut, in order, into several transactions (each atomic on its own).
/// </summary>
internal static class TableBatches
{
    public const int MaxActions = 100;

    /// <summary>Budget per transaction, under the 4 MiB request limit with room for the multipart framing.</summary>
    public const long MaxBytes = 3L * 1024 * 1024;

    /// <summary>Submits the actions in order, in as few transactions as the limits allow; returns one response per action.</summary>
    public static async Task<IReadOnlyList<Response>> SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var responses = new List<Response>(actions.Count);
        var batch = new List<TableTransactionAction>();
        long bytes = 0;
        foreach (var action in actions)
        {
            var size = EstimateBytes(action.Entity);
            if (batch.Count > 0 && (batch.Count == MaxActions || bytes + size > MaxBytes))
            {
                responses.AddRange((await table.SubmitTransactionAsync(batch, cancellationToken)).Value);
                batch = [];
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            responses.AddRange((await table.SubmitTransactionAsync(batch, cancellationToken)).Value);
        }

        return responses;
    }

    /// <summary>Deletes every entity of a partition; returns how many were deleted that <paramref name="count"/> accepts.</summary>
    public static Task<int> DeletePartitionAsync(TableClient table, string partitionKey, Func<string, bool> count, CancellationToken cancellationToken) =>
        DeleteAsync(table, partitionKey, TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), count, cancellationToken);

    /// <summary>
    /// Deletes the entities of partition <paramref name="partitionKey"/> that <paramref name="filter"/> selects; returns how
    /// many were deleted that <paramref name="count"/> accepts.
    /// </summary>
    public static async Task<int> DeleteAsync(TableClient table, string partitionKey, string filter, Func<string, bool> count, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity.RowKey);
        }

        if (keys.Count == 0)
        {
            return 0;
        }

        var actions = keys.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rowKey), ETag.All)).ToArray();
        try
        {
            await SubmitAsync(table, actions, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Someone deleted part of it meanwhile, which fails the whole transaction: delete one by one instead.
            foreach (var rowKey in keys)
            {
                await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
            }
        }

        return keys.Count(count);
    }

    /// <summary>True when <paramref name="actions"/> fit one entity-group transaction (<see cref="MaxActions"/>, <see cref="MaxBytes"/>).</summary>
    public static bool FitOneTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count > MaxActions)
        {
            return false;
        }

        long bytes = 0;
        foreach (var action in actions)
        {
            bytes += EstimateBytes(action.Entity);
        }

        return bytes <= MaxBytes;
    }

    /// <summary>
    /// An upper estimate of the entity's size on the wire (UTF-8 JSON): multi-byte characters and escaped
    /// control characters count as what they cost.
    /// </summary>
    public static long EstimateBytes(ITableEntity entity)
    {
        long bytes = 128 + Utf8Bytes(entity.PartitionKey) + Utf8Bytes(entity.RowKey);
        if (entity is TableEntity properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += 16 + name.Length + (value is string text ? Utf8Bytes(text) : 48);
            }
        }

        return bytes;
    }

    private static long Utf8Bytes(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        long bytes = 0;
        foreach (var c in text)
        {
            bytes += c switch
            {
                < ' ' or '"' or '\\' => 6,
                < (char)0x80 => 1,
                < (char)0x800 => 2,
                _ => 3,
            };
        }

        return bytes;
    }
}
