using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// The processed-message ledger in Azure Table Storage, table <c>{prefix}ledger</c>: one entity per key with its
/// expiry. Insert wins the first delivery (409 = duplicate); an expired entry is replaced with If-Match on its
/// ETag, so of two instances racing for it exactly one records the message. Each write carries a fresh claim id: when
/// the client retries a write whose response was lost, the 409 or 412 it gets is against its own entry, which it
/// recognises by the id, so a recorded key is never mistaken for someone else's.
/// </summary>
internal sealed class TableProcessedMessageLedger(AzureStorageAccount account, TimeProvider time) : IProcessedMessageLedger
{
    private const string RowKey = "ledger";
    private const string ClaimProperty = "ClaimId";

    // Each round loses only to another instance's successful write, so a handful is plenty.
    private const int MaxRounds = 5;

    public async Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        var expiresAt = now + timeToLive;
        var claim = Guid.NewGuid().ToString("N");
        var entity = new TableEntity(TableKeys.Encode(key), RowKey)
        {
            ["ExpiresAt"] = expiresAt,
            ["ExpiresAtTicks"] = expiresAt.UtcTicks,
            [ClaimProperty] = claim,
        };
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.LedgerTable, cancellationToken);
            for (var round = 0; round < MaxRounds; round++)
            {
                try
                {
                    await table.AddEntityAsync(entity, cancellationToken);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status == 409)
                {
                    // Recorded before: a duplicate unless that record has expired, or is this call's own (a retried write).
                }

                var existing = await table.GetEntityIfExistsAsync<TableEntity>(entity.PartitionKey, RowKey, cancellationToken: cancellationToken);
                if (!existing.HasValue || existing.Value is null)
                {
                    continue;
                }

                if (existing.Value.GetString(ClaimProperty) == claim)
                {
                    return true;
                }

                if (existing.Value.GetInt64("ExpiresAtTicks") is { } ticks && ticks > now.UtcTicks)
                {
                    return false;
                }

                try
                {
                    await table.UpdateEntityAsync(entity, existing.Value.ETag, TableUpdateMode.Replace, cancellationToken);
                    return true;
                }
                catch (RequestFailedException e) when (e.Status is 412 or 404)
                {
                    // Another instance replaced or removed the expired entry first: look again.
                }
            }

            throw new StorageUnavailableException($"The processed-message ledger kept changing under key '{key}'; try again.");
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("record a processed message", e);
        }
    }

    public async Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = time.GetUtcNow();
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.LedgerTable, cancellationToken);
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(TableKeys.Encode(key), RowKey, select: ["ExpiresAtTicks"], cancellationToken: cancellationToken);
            return existing.HasValue && existing.Value?.GetInt64("ExpiresAtTicks") is { } ticks && ticks > now.UtcTicks;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("look up a processed message", e);
        }
    }
}
