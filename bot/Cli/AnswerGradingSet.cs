using System.Text.Json;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Cli;

/// <summary>One graded answer of the evaluation set (a line of <c>items.jsonl</c>); other fields are ignored.</summary>
internal sealed record AnswerGradingItem(string Id, string QuestionId, string Question, string ReferenceAnswer, string Answer);

/// <summary>
/// The human-graded answer set in <c>shared/eval/answer-grading/</c> (<c>items.jsonl</c> + <c>split.json</c>),
/// read and validated. The data stays outside the repository; this only reads it.
/// </summary>
internal sealed class AnswerGradingSet
{
    public const string FolderRelativePath = "shared/eval/answer-grading";
    public const string ItemsFileName = "items.jsonl";
    public const string SplitFileName = "split.json";

    /// <summary>Bounds for untrusted input files.</summary>
    public const long MaxItemsFileBytes = 64L * 1024 * 1024;
    public const int MaxLineChars = 256 * 1024;
    public const int MaxItems = 200_000;
    public const long MaxSplitFileBytes = 4L * 1024 * 1024;

    private AnswerGradingSet(IReadOnlyList<AnswerGradingItem> items, IReadOnlySet<string> devQuestions, IReadOnlySet<string> testQuestions)
    {
        Items = items;
        DevQuestions = devQuestions;
        TestQuestions = testQuestions;
    }

    public IReadOnlyList<AnswerGradingItem> Items { get; }

    public IReadOnlySet<string> DevQuestions { get; }

    public IReadOnlySet<string> TestQuestions { get; }

    /// <summary>
    /// Finds <c>shared/eval/answer-grading/items.jsonl</c>: in each of <paramref name="startDirectories"/> and
    /// their parents, looks for <c>shared/eval/answer-grading</c> (so a repository checked out beside
    /// <c>shared/</c> finds it). Returns null when none has it.
    /// </summary>
    public static string? Locate(IEnumerable<string> startDirectories) => JsonLinesFile.Locate(FolderRelativePath, ItemsFileName, startDirectories);

    /// <summary>Reads <paramref name="itemsPath"/> and the <c>split.json</c> beside it.</summary>
    /// <exception cref="AnswerGradingSetException">A file is missing, too large or malformed (the message says where).</exception>
    public static async Task<AnswerGradingSet> LoadAsync(string itemsPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemsPath);
        var items = await ReadItemsAsync(itemsPath, cancellationToken);
        var splitPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(itemsPath)) ?? ".", SplitFileName);
        var (dev, test) = await ReadSplitAsync(splitPath, cancellationToken);
        return new AnswerGradingSet(items, dev, test);
    }

    private static Task<List<AnswerGradingItem>> ReadItemsAsync(string path, CancellationToken cancellationToken) =>
        JsonLinesFile.ReadItemsAsync(
            path,
            MaxItemsFileBytes,
            MaxItems,
            "pass --items PATH to items.jsonl",
            (lineNumber, line) => ParseItem(path, lineNumber, line),
            item => item.Id,
            message => new AnswerGradingSetException(message),
            cancellationToken);

    private static AnswerGradingItem ParseItem(string path, int lineNumber, string line)
    {
        const string shape = "each line must be one JSON object with string fields id, question_id, question, reference_answer and answer";
        if (line.Length > MaxLineChars)
        {
            throw new AnswerGradingSetException($"{path}:{lineNumber}: line of {line.Length} characters is longer than {MaxLineChars}; {shape}");
        }

        RawItem? raw;
        try
        {
            raw = JsonSerializer.Deserialize(line, AnswerGradingJsonContext.Default.RawItem);
        }
        catch (JsonException e)
        {
            throw new AnswerGradingSetException($"{path}:{lineNumber}: not valid JSON ({JsonLinesFile.Describe(e)}); {shape}");
        }

        if (raw is null)
        {
            throw new AnswerGradingSetException($"{path}:{lineNumber}: null instead of an object; {shape}");
        }

        var missing = new[] { ("id", raw.Id), ("question_id", raw.QuestionId), ("question", raw.Question), ("reference_answer", raw.ReferenceAnswer), ("answer", raw.Answer) }
            .FirstOrDefault(f => f.Item2 is null).Item1;
        if (missing is not null)
        {
            throw new AnswerGradingSetException($"{path}:{lineNumber}: field '{missing}' is missing; {shape}");
        }

        if (string.IsNullOrWhiteSpace(raw.Id) || string.IsNullOrWhiteSpace(raw.QuestionId))
        {
            throw new AnswerGradingSetException($"{path}:{lineNumber}: 'id' and 'question_id' must not be empty; {shape}");
        }

        return new AnswerGradingItem(raw.Id, raw.QuestionId!, raw.Question!, raw.ReferenceAnswer!, raw.Answer!);
    }

    private static async Task<(IReadOnlySet<string> Dev, IReadOnlySet<string> Test)> ReadSplitAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new AnswerGradingSetException($"{path}: file not found; split.json must sit beside items.jsonl");
        }

        if (file.Length > MaxSplitFileBytes)
        {
            throw new AnswerGradingSetException($"{path}: {file.Length} bytes is more than the {MaxSplitFileBytes} allowed");
        }

        RawSplit? split;
        try
        {
            await using var stream = file.OpenRead();
            split = await JsonSerializer.DeserializeAsync(stream, AnswerGradingJsonContext.Default.RawSplit, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new AnswerGradingSetException($"{path}: not valid JSON ({JsonLinesFile.Describe(e)}); expected {{\"dev\": [question ids], \"test\": [question ids]}}");
        }

        if (split?.Dev is not { Count: > 0 } dev || split.Test is not { Count: > 0 } test)
        {
            throw new AnswerGradingSetException($"{path}: needs non-empty arrays \"dev\" and \"test\" of question ids");
        }

        var devSet = dev.ToHashSet(StringComparer.Ordinal);
        var overlap = test.FirstOrDefault(devSet.Contains);
        if (overlap is not null)
        {
            throw new AnswerGradingSetException($"{path}: question '{overlap}' is in both dev and test; the splits must not overlap");
        }

        return (devSet, test.ToHashSet(StringComparer.Ordinal));
    }

    internal sealed record RawItem(
        string? Id,
        string? QuestionId,
        string? Question,
        string? ReferenceAnswer,
        string? Answer);

    internal sealed record RawSplit(List<string>? Dev, List<string>? Test);
}

/// <summary>The evaluation files are missing or malformed; the message says which file, where and how to fix it.</summary>
internal sealed class AnswerGradingSetException(string message) : Exception(message);

/// <summary>The prediction line written by <c>judge-eval</c> (<c>{"id": ..., "score": ...}</c>).</summary>
internal sealed record Prediction(string Id, double Score);

/// <summary>
/// The prediction line <c>judge-eval --judge llm</c> writes: evaluate.py reads <c>id</c> and <c>score</c>; the rest says
/// which judge produced the score (a fallback measures the rubric judge) and what it cost.
/// </summary>
internal sealed record LlmPrediction(string Id, double Score, string JudgedBy, string? FallbackReason, int InputTokens, int OutputTokens);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    MaxDepth = 8,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(AnswerGradingSet.RawItem))]
[JsonSerializable(typeof(AnswerGradingSet.RawSplit))]
[JsonSerializable(typeof(Prediction))]
[JsonSerializable(typeof(LlmPrediction))]
internal sealed partial class AnswerGradingJsonContext : JsonSerializerContext;
