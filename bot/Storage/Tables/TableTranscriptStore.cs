using System.Globalization;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Transcripts in Azure Table Storage, table <c>{prefix}transcripts</c>: one entity per turn, PartitionKey = the
/// encoded interview id, RowKey = the sequence zero-padded to 19 digits (so RowKey order is turn order). The
/// turn's DialogsJson without its text goes in <c>Turn</c>; the text goes in <c>Text0..TextN</c> (32,000 chars
/// each) and, past what one entity holds, in part entities <c>{RowKey}-0001…</c>. Appends are upserts batched
/// per partition (at most 100 entities and 3 MiB per transaction), so re-appending a sequence replaces it.
/// </summary>
internal sealed class TableTranscriptStore(AzureStorageAccount account) : ITranscriptStore
{
    private const string TextProperty = "Text";
    private const string TurnProperty = "Turn";
    private const int SequenceDigits = 19;

    public async Task AppendAsync(string interviewId, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(turns);
        var validated = StoredDocuments.SerializeTurns(interviewId, turns);
        if (validated.Count == 0)
        {
            return;
        }

        var partitionKey = TableKeys.Encode(interviewId);
        var actions = new List<TableTransactionAction>();
        foreach (var (turn, _) in validated)
        {
            var main = new TableEntity(partitionKey, turn.Sequence.ToString("D19", CultureInfo.InvariantCulture))
            {
                [TurnProperty] = DialogsJson.Serialize(turn with { Text = string.Empty }),
            };
            var parts = ChunkedText.Write(main, TextProperty, turn.Text, version: turn.Sequence.ToString(CultureInfo.InvariantCulture));

            // Parts before their main entity: if a huge turn spans transactions, the main entity (what readers
            // look for) lands last.
            actions.AddRange(parts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, main));
        }

        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.TranscriptsTable, cancellationToken);
            await TableBatches.SubmitAsync(table, actions, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("append transcript turns", e);
        }
    }

    public async Task<IReadOnlyList<TranscriptTurn>> ReadAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        var entities = new List<TableEntity>();
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.TranscriptsTable, cancellationToken);
            var partitionKey = TableKeys.Encode(interviewId);
            await foreach (var entity in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}"), maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                entities.Add(entity);
            }
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read a transcript", e);
        }

        // Entities arrive in RowKey order: each main entity is followed by its parts.
        var parts = entities.Where(e => ChunkedText.IsPart(e.RowKey)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        var turns = new List<TranscriptTurn>();
        foreach (var main in entities.Where(e => e.RowKey.Length == SequenceDigits))
        {
            var mainParts = new List<TableEntity>();
            for (var number = 1; number <= ChunkedText.PartCount(main, TextProperty); number++)
            {
                mainParts.Add(parts.TryGetValue(ChunkedText.PartRowKey(main.RowKey, number), out var part)
                    ? part
                    : throw new StorageUnavailableException($"Transcript turn {main.RowKey} of interview '{interviewId}' is missing part {number.ToString(CultureInfo.InvariantCulture)}; it may be mid-write, so try again."));
            }

            // Turns are immutable (a re-append writes identical content), so parts need no version check.
            var text = ChunkedText.Read(main, TextProperty, mainParts, checkVersion: false)!;
            var turn = DialogsJson.Deserialize<TranscriptTurn>(main.GetString(TurnProperty) ?? throw new StorageUnavailableException($"Transcript turn {main.RowKey} of interview '{interviewId}' has no Turn property."));
            turns.Add(turn with { Text = text });
        }

        return turns;
    }

    public async Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        try
        {
            var table = await account.GetTableAsync(AzureStorageAccount.TranscriptsTable, cancellationToken);
            return await TableBatches.DeletePartitionAsync(table, TableKeys.Encode(interviewId), rowKey => !ChunkedText.IsPart(rowKey), cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("delete a transcript", e);
        }
    }
}
