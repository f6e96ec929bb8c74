using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Cli;

/// <summary>One sentence of a CEFR-SP style file (a line of <c>items.jsonl</c>): a and b are the annotators' levels, when given.</summary>
internal sealed record CefrItem(string Id, string? Split, string Text, int? A, int? B);

/// <summary>
/// Reads a CEFR-SP style file (<c>shared/eval/cefr-sp/items.jsonl</c>: one <c>{"id", "split", "text", "a", "b"}</c>
/// object a line). Only <c>id</c> and <c>text</c> are required; <c>a</c> and <c>b</c>, when present, must be levels 1-6.
/// The data stays outside the repository; this only reads it, bounded and validated.
/// </summary>
internal static class CefrItems
{
    public const string FolderRelativePath = "shared/eval/cefr-sp";
    public const string ItemsFileName = "items.jsonl";
    public const long MaxFileBytes = 64L * 1024 * 1024;
    public const int MaxLineChars = 64 * 1024;
    public const int MaxItems = 500_000;

    private const string Shape = "each line must be one JSON object with a string \"id\" and a string \"text\" (optional: \"split\", and levels \"a\" and \"b\" from 1 to 6)";

    /// <summary>Finds <c>shared/eval/cefr-sp/items.jsonl</c> in <paramref name="startDirectories"/> or their parents; null when none has it.</summary>
    public static string? Locate(IEnumerable<string> startDirectories) => JsonLinesFile.Locate(FolderRelativePath, ItemsFileName, startDirectories);

    /// <summary>Reads every item of <paramref name="path"/>, in file order.</summary>
    /// <exception cref="CefrItemsException">The file is missing, too large or has a bad line (the message says which line and why).</exception>
    public static async Task<IReadOnlyList<CefrItem>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new CefrItemsException($"{path}: is a folder; pass --items PATH to a JSON-lines file such as {FolderRelativePath}/{ItemsFileName}");
        }

        var items = await JsonLinesFile.ReadItemsAsync(
            path,
            MaxFileBytes,
            MaxItems,
            $"pass --items PATH to a JSON-lines file such as {FolderRelativePath}/{ItemsFileName}",
            (lineNumber, line) => Parse(path, lineNumber, line),
            item => item.Id,
            message => new CefrItemsException(message),
            cancellationToken);

        if (items.Count == 0)
        {
            throw new CefrItemsException($"{path}: no items; {Shape}");
        }

        return items;
    }

    private static CefrItem Parse(string path, int lineNumber, string line)
    {
        if (line.Length > MaxLineChars)
        {
            throw new CefrItemsException($"{path}:{lineNumber}: line of {line.Length} characters is longer than {MaxLineChars}; {Shape}");
        }

        RawCefrItem? raw;
        try
        {
            raw = JsonSerializer.Deserialize(line, CefrItemsJsonContext.Default.RawCefrItem);
        }
        catch (JsonException e)
        {
            throw new CefrItemsException($"{path}:{lineNumber}: not valid JSON ({JsonLinesFile.Describe(e)}); {Shape}");
        }

        if (raw is null)
        {
            throw new CefrItemsException($"{path}:{lineNumber}: null instead of an object; {Shape}");
        }

        if (string.IsNullOrWhiteSpace(raw.Id))
        {
            throw new CefrItemsException($"{path}:{lineNumber}: \"id\" is missing or empty; {Shape}");
        }

        if (raw.Text is null)
        {
            throw new CefrItemsException($"{path}:{lineNumber}: \"text\" is missing; {Shape}");
        }

        foreach (var (name, level) in new[] { ("a", raw.A), ("b", raw.B) })
        {
            if (level is < 1 or > 6)
            {
                throw new CefrItemsException($"{path}:{lineNumber}: \"{name}\" is {level}; a level is a whole number from 1 (A1) to 6 (C2)");
            }
        }

        return new CefrItem(raw.Id, raw.Split, raw.Text, raw.A, raw.B);
    }

    internal sealed record RawCefrItem(string? Id, string? Split, string? Text, int? A, int? B);
}

/// <summary>The CEFR items file is missing or malformed; the message says which file, which line and how to fix it.</summary>
internal sealed class CefrItemsException(string message) : Exception(message);

/// <summary>The prediction line <c>cefr-eval</c> writes; evaluate.py reads <c>id</c> and <c>level</c>.</summary>
internal sealed record CefrPrediction(string Id, double Level);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, MaxDepth = 8, ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(CefrItems.RawCefrItem))]
[JsonSerializable(typeof(CefrPrediction))]
internal sealed partial class CefrItemsJsonContext : JsonSerializerContext;
