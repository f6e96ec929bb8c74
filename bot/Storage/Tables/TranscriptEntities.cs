using System.Globalization;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Transcript turns as table entities: one per turn, RowKey = a prefix and the sequence zero-padded to 19 digits (so RowKey
/// order is turn order), the turn's DialogsJson without its text in <c>Turn</c>, the text in <c>Text0..TextN</c> (32,000
/// chars each) and, past what one entity holds, in part entities <c>{RowKey}-0001…</c> (<see cref="ChunkedText"/>).
/// Written with upserts, so writing a sequence again replaces it.
/// </summary>
internal static class TranscriptEntities
{
    /// <summary>The prefix of turns kept in their interview's partition of the interviews table (sorts after its other rows).</summary>
    public const string LinePrefix = "line";

    private const string TextProperty = "Text";
    private const string TurnProperty = "Turn";
    private const int SequenceDigits = 19;

    /// <summary>Upserts for <paramref name="turns"/> (validated, ordered), parts before their turn so a reader never meets a turn without them.</summary>
    public static void AddUpserts(List<TableTransactionAction> actions, string partitionKey, string prefix, IReadOnlyList<TranscriptTurn> turns)
    {
        foreach (var turn in turns)
        {
            var main = new TableEntity(partitionKey, prefix + turn.Sequence.ToString("D19", CultureInfo.InvariantCulture))
            {
                [TurnProperty] = DialogsJson.Serialize(turn with { Text = string.Empty }),
            };
            var parts = ChunkedText.Write(main, TextProperty, turn.Text, version: turn.Sequence.ToString(CultureInfo.InvariantCulture));
            actions.AddRange(parts.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, p)));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, main));
        }
    }

    /// <summary>True for the RowKey of a turn (not a part) with <paramref name="prefix"/>.</summary>
    public static bool IsTurn(string rowKey, string prefix) =>
        rowKey.Length == prefix.Length + SequenceDigits && rowKey.StartsWith(prefix, StringComparison.Ordinal) && !ChunkedText.IsPart(rowKey);

    /// <summary>The turns among <paramref name="entities"/> (one partition, in RowKey order, parts included), in order.</summary>
    public static IEnumerable<TranscriptTurn> Read(IReadOnlyList<TableEntity> entities, string prefix, string interviewId)
    {
        var parts = entities.Where(e => ChunkedText.IsPart(e.RowKey)).ToDictionary(e => e.RowKey, StringComparer.Ordinal);
        foreach (var main in entities.Where(e => IsTurn(e.RowKey, prefix)))
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
            yield return turn with { Text = text };
        }
    }
}
