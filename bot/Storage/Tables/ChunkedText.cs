using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Stores text of any length in table entities. A string property holds at most 64 KiB (32 K UTF-16 chars) and
/// an entity at most 1 MiB, so text is cut into chunks of 32,000 chars in properties <c>{Name}0..{Name}N</c>;
/// chunks that do not fit in the main entity go to part entities in the same partition with RowKey
/// <c>{rowKey}-0001</c>, <c>-0002</c>…, which sort right after the main entity. The main entity records the
/// total length and the number of parts, so a reader detects a missing or stale part.
/// </summary>
internal static class ChunkedText
{
    /// <summary>64,000 bytes as UTF-16: under the 64 KiB limit of a string property.</summary>
    public const int MaxChunkChars = 32_000;

    /// <summary>The main entity also carries keys and other properties: 12 chunks = 768,000 bytes.</summary>
    public const int ChunksInMain = 12;

    /// <summary>15 chunks = 960,000 bytes, under the 1 MiB entity limit with room for keys and names.</summary>
    public const int ChunksInPart = 15;

    /// <summary>Splits text into chunks of at most <see cref="MaxChunkChars"/>, never between the halves of a surrogate pair.</summary>
    public static List<string> Split(string text)
    {
        var chunks = new List<string>(text.Length / MaxChunkChars + 1);
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Min(MaxChunkChars, text.Length - start);
            if (start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]) && char.IsLowSurrogate(text[start + length]))
            {
                length--;
            }

            chunks.Add(text.Substring(start, length));
            start += length;
        }

        return chunks;
    }

    /// <summary>Writes <paramref name="text"/> into <paramref name="main"/> and returns the part entities it also needs.</summary>
    /// <param name="version">Written to the main entity and every part, so a reader can tell a torn read (parts of another write).</param>
    public static List<TableEntity> Write(TableEntity main, string name, string text, string version)
    {
        var chunks = Split(text);
        var index = 0;
        for (; index < chunks.Count && index < ChunksInMain; index++)
        {
            main[name + index.ToString(CultureInfo.InvariantCulture)] = chunks[index];
        }

        var parts = new List<TableEntity>();
        while (index < chunks.Count)
        {
            var part = new TableEntity(main.PartitionKey, PartRowKey(main.RowKey, parts.Count + 1)) { [name + "Version"] = version };
            for (var slot = 0; slot < ChunksInPart && index < chunks.Count; slot++, index++)
            {
                part[name + slot.ToString(CultureInfo.InvariantCulture)] = chunks[index];
            }

            parts.Add(part);
        }

        main[name + "Length"] = text.Length;
        main[name + "Parts"] = parts.Count;
        main[name + "Version"] = version;
        return parts;
    }

    public static int PartCount(TableEntity main, string name) => main.GetInt32(name + "Parts") ?? 0;

    /// <summary>The RowKey of part <paramref name="number"/> (1-based) of the entity with <paramref name="rowKey"/>.</summary>
    public static string PartRowKey(string rowKey, int number) => rowKey + "-" + number.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>True when the RowKey names a part entity rather than a main one.</summary>
    public static bool IsPart(string rowKey) => rowKey.Contains('-', StringComparison.Ordinal);

    /// <summary>
    /// Joins the text back, or returns null when the parts do not belong to the same write as the main entity
    /// (a torn read: the caller reads again). Throws when the text is incomplete.
    /// </summary>
    public static string? Read(TableEntity main, string name, IReadOnlyList<TableEntity> parts, bool checkVersion)
    {
        var version = main.GetString(name + "Version");
        var length = main.GetInt32(name + "Length") ?? throw Incomplete(main, "it has no length");
        var text = new StringBuilder(length);
        Append(text, main, name);
        foreach (var part in parts)
        {
            if (checkVersion && !string.Equals(part.GetString(name + "Version"), version, StringComparison.Ordinal))
            {
                return null;
            }

            Append(text, part, name);
        }

        return text.Length == length ? text.ToString() : throw Incomplete(main, $"{text.Length.ToString(CultureInfo.InvariantCulture)} of {length.ToString(CultureInfo.InvariantCulture)} characters were found");
    }

    private static void Append(StringBuilder text, TableEntity entity, string name)
    {
        for (var slot = 0; entity.TryGetValue(name + slot.ToString(CultureInfo.InvariantCulture), out var value) && value is string chunk; slot++)
        {
            text.Append(chunk);
        }
    }

    private static StorageUnavailableException Incomplete(TableEntity main, string why) =>
        new($"The stored text of entity '{main.RowKey}' in partition '{main.PartitionKey}' is incomplete ({why}); it may be mid-write, so try again.");
}
