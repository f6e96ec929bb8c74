using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Webhook dead letters in Azure Table Storage, table <c>{prefix}webhookdeadletters</c>: one partition (dead letters are
/// few, and listing them all is one query), one entity per event (RowKey the encoded event id), the body in
/// <see cref="ChunkedText"/> properties. Removal is a delete with If-Match on the ETag of the entry that was read, so a
/// replay never removes a newer dead-lettering of the same event.
/// </summary>
internal sealed class TableWebhookDeadLetterStore(AzureStorageAccount account) : IWebhookDeadLetterStore
{
    private const string Partition = "webhook";
    private const string BodyProperty = "Body";

    public async Task AddAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var entity = new TableEntity(Partition, TableKeys.Encode(deadLetter.EventId))
        {
            ["EventId"] = deadLetter.EventId,
            ["EventType"] = deadLetter.Delivery.EventType,
            ["InterviewId"] = deadLetter.InterviewId,
            ["Attempts"] = deadLetter.Delivery.Attempt,
            ["LastError"] = deadLetter.LastError,
            ["DeadLetteredAt"] = deadLetter.DeadLetteredAt,
            ["DeadLetteredAtTicks"] = deadLetter.DeadLetteredAt.UtcTicks,
        };

        // A queued job is at most 64 KiB, so its body always fits in the main entity's chunks.
        if (ChunkedText.Write(entity, BodyProperty, deadLetter.Delivery.Body, version: "1").Count > 0)
        {
            throw new StorageUnavailableException($"The body of webhook event '{deadLetter.EventId}' is too large to keep as a dead letter.");
        }

        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.WebhookDeadLettersTable, cancellationToken);
            await table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("store a webhook dead letter", e);
        }
    }

    public async Task<IReadOnlyList<WebhookDeadLetter>> ListAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.WebhookDeadLettersTable, cancellationToken);
            var found = new List<TableEntity>();
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
            {
                found.Add(entity);
            }

            return [.. found.Select(Read).OrderBy(d => d.DeadLetteredAt).ThenBy(d => d.EventId, StringComparer.Ordinal).Take(limit)];
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("list webhook dead letters", e);
        }
    }

    public async Task<WebhookDeadLetter?> GetAsync(string eventId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventId);
        var entity = await GetEntityAsync(eventId, cancellationToken);
        return entity is null ? null : Read(entity);
    }

    public async Task<bool> RemoveAsync(WebhookDeadLetter deadLetter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deadLetter);
        var stored = await GetEntityAsync(deadLetter.EventId, cancellationToken);
        if (stored is null || stored.GetInt64("DeadLetteredAtTicks") != deadLetter.DeadLetteredAt.UtcTicks)
        {
            return false;
        }

        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.WebhookDeadLettersTable, cancellationToken);
            await table.DeleteEntityAsync(stored.PartitionKey, stored.RowKey, stored.ETag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Removed by another replay, or dead-lettered again meanwhile: that newer entry stays.
            return false;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("remove a webhook dead letter", e);
        }
    }

    public Task<int> DeleteForInterviewAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        return DeleteAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and InterviewId eq {interviewId}"), cancellationToken);
    }

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        DeleteAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and DeadLetteredAtTicks lt {cutoff.UtcTicks}"), cancellationToken);

    private async Task<int> DeleteAsync(string filter, CancellationToken cancellationToken)
    {
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.WebhookDeadLettersTable, cancellationToken);
            var deleted = 0;
            await foreach (var entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
            {
                await table.DeleteEntityAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken);
                deleted++;
            }

            return deleted;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete webhook dead letters", e);
        }
    }

    private static WebhookDeadLetter Read(TableEntity entity) =>
        new(
            new WebhookDelivery(
                entity.GetString("EventId"),
                entity.GetString("EventType"),
                ChunkedText.Read(entity, BodyProperty, [], checkVersion: false) ?? string.Empty,
                entity.GetInt32("Attempts") ?? 0),
            entity.GetString("InterviewId"),
            entity.GetString("LastError"),
            new DateTimeOffset(entity.GetInt64("DeadLetteredAtTicks") ?? 0, TimeSpan.Zero));

    private async Task<TableEntity?> GetEntityAsync(string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.WebhookDeadLettersTable, cancellationToken);
            var found = await table.GetEntityIfExistsAsync<TableEntity>(Partition, TableKeys.Encode(eventId), cancellationToken: cancellationToken);
            return found.HasValue ? found.Value : null;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read a webhook dead letter", e);
        }
    }
}
