using System.Globalization;
using Azure;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// A JSON document (interview, report) as one main entity plus part entities when it exceeds what one entity
/// holds; see <see cref="ChunkedText"/>. Writes of main and parts go in one transaction, so readers see all of
/// a write or none of it.
/// </summary>
internal static class TableDocuments
{
    public const string JsonProperty = "Json";

    // A torn read (main of one write, parts of the next) is retried this many times before giving up.
    private const int ReadAttempts = 3;

    /// <summary>Fills <paramref name="main"/> with the JSON and returns the part entities; refuses what one transaction cannot hold.</summary>
    public static List<TableEntity> Write(TableEntity main, string json, string what)
    {
        var parts = ChunkedText.Write(main, JsonProperty, json, Guid.NewGuid().ToString("N"));
        var bytes = TableBatches.EstimateBytes(main) + parts.Sum(TableBatches.EstimateBytes);
        if (parts.Count + 1 > TableBatches.MaxActions || bytes > TableBatches.MaxBytes)
        {
            throw new ArgumentException(
                $"The {what} needs about {bytes.ToString(CultureInfo.InvariantCulture)} bytes in Table Storage, more than one atomic transaction " +
                $"holds ({TableBatches.MaxBytes.ToString(CultureInfo.InvariantCulture)}). Bound the text it contains.");
        }

        return parts;
    }

    /// <summary>Reads the main entity and its parts; null when the main entity does not exist.</summary>
    public static async Task<(TableEntity Main, string Json)?> ReadAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, cancellationToken: cancellationToken);
            if (!response.HasValue || response.Value is null)
            {
                return null;
            }

            var main = response.Value;
            var parts = new List<TableEntity>();
            for (var number = 1; number <= ChunkedText.PartCount(main, JsonProperty); number++)
            {
                var part = await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, ChunkedText.PartRowKey(rowKey, number), cancellationToken: cancellationToken);
                if (!part.HasValue || part.Value is null)
                {
                    parts = null;
                    break;
                }

                parts.Add(part.Value);
            }

            var json = parts is null ? null : ChunkedText.Read(main, JsonProperty, parts, checkVersion: true);
            if (json is not null)
            {
                return (main, json);
            }

            if (attempt == ReadAttempts)
            {
                throw new StorageUnavailableException($"The document '{rowKey}' in partition '{partitionKey}' kept changing while it was read; try again.");
            }
        }
    }

    /// <summary>Writes main and parts atomically; returns the new ETag of the main entity.</summary>
    public static async Task<string> SubmitAsync(TableClient table, TableTransactionActionType mainAction, TableEntity main, IReadOnlyList<TableEntity> parts, ETag ifMatch, CancellationToken cancellationToken)
    {
        if (parts.Count == 0)
        {
            // The common case: one entity, one request.
            Response response = mainAction switch
            {
                TableTransactionActionType.Add => await table.AddEntityAsync(main, cancellationToken),
                TableTransactionActionType.UpdateReplace => await table.UpdateEntityAsync(main, ifMatch, TableUpdateMode.Replace, cancellationToken),
                _ => await table.UpsertEntityAsync(main, TableUpdateMode.Replace, cancellationToken),
            };
            return ETagOf(response);
        }

        List<TableTransactionAction> actions = [new(mainAction, main, ifMatch), .. parts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p))];
        var responses = await table.SubmitTransactionAsync(actions, cancellationToken);
        return ETagOf(responses.Value[0]);
    }

    private static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString() ?? throw new StorageUnavailableException("Table Storage answered a write without an ETag.");
}
