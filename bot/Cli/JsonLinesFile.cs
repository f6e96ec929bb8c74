using System.Text.Json;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// What the evaluation verbs share about their data files (<c>shared/eval/*/items.jsonl</c>): finding them above a
/// folder, reading JSON lines of uniquely identified items within bounds, and describing a JSON error in one line.
/// Every problem is reported through <c>error</c> as "path:line: what is wrong; how to fix it".
/// </summary>
internal static class JsonLinesFile
{
    /// <summary>Finds <c>folder/fileName</c> in each of <paramref name="startDirectories"/> or their parents; null when none has it.</summary>
    public static string? Locate(string folder, string fileName, IEnumerable<string> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, folder, fileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Reads the non-blank lines of <paramref name="path"/> through <paramref name="parse"/> (line number, line), in
    /// order, rejecting a missing or oversized file, a duplicate id and more than <paramref name="maxItems"/> items.
    /// </summary>
    public static async Task<List<T>> ReadItemsAsync<T>(
        string path,
        long maxBytes,
        int maxItems,
        string missingFix,
        Func<int, string, T> parse,
        Func<T, string> id,
        Func<string, Exception> error,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(error);
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw error($"{path}: file not found; {missingFix}");
        }

        if (file.Length > maxBytes)
        {
            throw error($"{path}: {file.Length} bytes is more than the {maxBytes} allowed");
        }

        var items = new List<T>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var item = parse(lineNumber, line);
            var itemId = id(item);
            if (!ids.Add(itemId))
            {
                throw error($"{path}:{lineNumber}: duplicate id '{(itemId.Length <= 80 ? itemId : itemId[..80] + "…")}'; every id must be unique");
            }

            if (items.Count == maxItems)
            {
                throw error($"{path}:{lineNumber}: more than {maxItems} items; split the file");
            }

            items.Add(item);
        }

        return items;
    }

    /// <summary>The first sentence of a JSON error and where it happened, e.g. "'}' is invalid … at $.id".</summary>
    public static string Describe(JsonException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var message = e.Message;
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        message = end > 0 ? message[..end] : message.TrimEnd('.');
        return e.Path is { Length: > 1 } where ? $"{message} at {where}" : message;
    }
}
