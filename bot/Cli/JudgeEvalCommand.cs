using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>judge-eval</c>: runs a judge over the human-graded answer set and writes one prediction per answer, for
/// <c>shared/eval/answer-grading/evaluate.py</c> to score. Predictions cover the dev split (evaluate.py fits its
/// linear map on dev) plus the requested split. Prints progress and the judge's speed (mean and p99 µs per answer).
/// </summary>
internal sealed class JudgeEvalCommand : ICliCommand
{
    /// <summary>
    /// How long answers are judged untimed before the timed pass, so JIT compilation does not count as judging
    /// time. Tiered compilation recompiles hot methods in the background only after a quiet spell, so a single
    /// quick pass is not enough; the figures then describe a warmed-up bot. <c>--warm-up 0</c> skips it.
    /// </summary>
    public const double DefaultWarmUpSeconds = 3.0;

    /// <summary>Upper bound on warm-up judgments whatever the clock says.</summary>
    public const int MaxWarmUpAnswers = 200_000;

    private const int ProgressEvery = 500;

    /// <summary>Answers judged at once by the LLM judge. Four keeps a small deployment's rate limit in reach.</summary>
    public const int DefaultConcurrency = 4;

    public const int MaxConcurrency = 64;

    private readonly Option<string> _split = new("--split")
    {
        Description = "Which split to predict: dev, or test (predictions always include dev, where evaluate.py fits its map).",
        HelpName = "dev|test",
        Required = true,
    };

    private readonly Option<string> _judge = new("--judge")
    {
        Description = $"The judge to run: {JudgeFactory.Rubric} (offline, default) or {JudgeFactory.Llm} (the configured Judge:AzureOpenAI endpoint).",
        HelpName = $"{JudgeFactory.Rubric}|{JudgeFactory.Llm}",
    };

    private readonly Option<string> _out = new("--out") { Description = "Where to write the predictions (JSON lines).", HelpName = "FILE", Required = true };

    private readonly Option<string> _items = new("--items")
    {
        Description = $"The items.jsonl to read; default: {AnswerGradingSet.FolderRelativePath}/{AnswerGradingSet.ItemsFileName} above the current directory.",
        HelpName = "PATH",
    };

    private readonly Option<string> _warmUp = new("--warm-up")
    {
        Description = $"Seconds of untimed judging before the timed pass (default {DefaultWarmUpSeconds.ToString(CultureInfo.InvariantCulture)}; 0 skips it).",
        HelpName = "SECONDS",
    };

    private readonly Option<string> _concurrency = new("--concurrency")
    {
        Description = $"Answers judged at once by the llm judge (1 to {MaxConcurrency}, default {DefaultConcurrency}).",
        HelpName = "N",
    };

    private readonly Option<bool> _resume = new("--resume") { Description = "With --judge llm: keep the answers already judged in FILE and judge the rest." };

    public JudgeEvalCommand()
    {
        Command = new Command("judge-eval", "Judges the human-graded answers of shared/eval/answer-grading and writes {\"id\", \"score\"} lines for evaluate.py.")
        {
            _split, _judge, _out, _items, _warmUp, _concurrency, _resume,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var split = parseResult.GetRequiredValue(_split);
        if (split is not ("dev" or "test"))
        {
            throw new CliUsageException($"--split must be dev or test, not '{split}'");
        }

        var judgeName = parseResult.GetValue(_judge) ?? JudgeFactory.Rubric;
        var output = parseResult.GetRequiredValue(_out);
        var itemsPath = parseResult.GetValue(_items);
        var warmUp = ParseWarmUp(parseResult.GetValue(_warmUp));
        var concurrencyText = parseResult.GetValue(_concurrency);
        var resume = parseResult.GetValue(_resume);
        if (judgeName != JudgeFactory.Llm && (concurrencyText is not null || resume))
        {
            throw new CliUsageException("--concurrency and --resume apply to --judge llm; the rubric judge runs the whole set in seconds");
        }

        var concurrency = ParseConcurrency(concurrencyText);

        var creation = JudgeFactory.Create(judgeName, context.Configuration);
        if (creation.Judge is not { } judge)
        {
            await context.Error.WriteLineAsync($"error: {creation.Error}");
            return 2;
        }

        itemsPath ??= AnswerGradingSet.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        if (itemsPath is null)
        {
            await context.Error.WriteLineAsync(
                $"error: cannot find {AnswerGradingSet.FolderRelativePath}/{AnswerGradingSet.ItemsFileName} above the current directory " +
                $"or {AppContext.BaseDirectory}; pass --items PATH");
            return 2;
        }

        AnswerGradingSet set;
        try
        {
            set = await AnswerGradingSet.LoadAsync(itemsPath, cancellationToken);
        }
        catch (AnswerGradingSetException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            await context.Error.WriteLineAsync($"error: cannot read {itemsPath}: {e.Message}");
            return 2;
        }

        var selected = set.Items
            .Where(i => set.DevQuestions.Contains(i.QuestionId) || (split == "test" && set.TestQuestions.Contains(i.QuestionId)))
            .ToArray();
        if (selected.Length == 0)
        {
            await context.Error.WriteLineAsync($"error: {itemsPath} has no items whose question_id is in the dev or {split} split of split.json");
            return 2;
        }

        if (creation.Options is { } llmOptions)
        {
            return await RunLlmAsync(judge, llmOptions, selected, output, split, concurrency, resume, itemsPath, context, cancellationToken);
        }

        var scores = await JudgeAllAsync(judge, selected, warmUp, context, cancellationToken);
        try
        {
            await WritePredictionsAsync(output, selected, scores.Scores, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot write --out {output}: {e.Message}");
            return 2;
        }

        var dev = selected.Count(i => set.DevQuestions.Contains(i.QuestionId));
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"judged {selected.Length} answers ({dev} dev + {selected.Length - dev} {(split == "test" ? "test" : "more")}) with the {judgeName} judge: " +
            $"mean {scores.MeanMicroseconds:F1} µs, p99 {scores.P99Microseconds:F1} µs per answer; wrote {output}"));
        await context.Output.WriteLineAsync(
            $"score it: python3 {Path.Combine(Path.GetDirectoryName(Path.GetFullPath(itemsPath)) ?? ".", "evaluate.py")} --split {split} {output}");
        return 0;
    }

    private static int ParseConcurrency(string? value)
    {
        if (value is null)
        {
            return DefaultConcurrency;
        }

        return int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxConcurrency
            ? n
            : throw new CliUsageException($"--concurrency must be a whole number from 1 to {MaxConcurrency}, not '{value}'");
    }

    private static TimeSpan ParseWarmUp(string? value)
    {
        if (value is null)
        {
            return TimeSpan.FromSeconds(DefaultWarmUpSeconds);
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 0 and <= 600
            ? TimeSpan.FromSeconds(seconds)
            : throw new CliUsageException($"--warm-up must be a number of seconds from 0 to 600, not '{value}'");
    }

    private static async Task<(double[] Scores, double MeanMicroseconds, double P99Microseconds)> JudgeAllAsync(
        IAnswerJudge judge, AnswerGradingItem[] items, TimeSpan warmUp, CliContext context, CancellationToken cancellationToken)
    {
        var warmUpStart = context.Time.GetTimestamp();
        for (var k = 0; warmUp > TimeSpan.Zero && k < MaxWarmUpAnswers && (k < items.Length || context.Time.GetElapsedTime(warmUpStart) < warmUp); k++)
        {
            await judge.JudgeAsync(ToRequest(items[k % items.Length]), cancellationToken);
        }

        var scores = new double[items.Length];
        var micros = new double[items.Length];
        for (var k = 0; k < items.Length; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = ToRequest(items[k]);
            var start = context.Time.GetTimestamp();
            var judgment = await judge.JudgeAsync(request, cancellationToken);
            micros[k] = context.Time.GetElapsedTime(start).TotalMicroseconds;
            scores[k] = judgment.Depth;
            if ((k + 1) % ProgressEvery == 0 && k + 1 < items.Length)
            {
                await context.Output.WriteLineAsync($"judged {k + 1}/{items.Length}");
            }
        }

        Array.Sort(micros);
        var p99 = micros[Math.Max(0, (int)Math.Ceiling(0.99 * micros.Length) - 1)];
        return (scores, micros.Average(), p99);
    }

    /// <summary>
    /// The LLM judge over the set: <paramref name="concurrency"/> answers at a time, each prediction appended and flushed
    /// as soon as it is judged (an interrupted run keeps every finished line), a progress bar on stderr, and with
    /// <paramref name="resume"/> the answers already judged by the LLM in <paramref name="output"/> skipped. The LLM is
    /// not warmed up (that would spend tokens) and per-answer speed is not reported (it measures the endpoint).
    /// </summary>
    private static async Task<int> RunLlmAsync(
        IAnswerJudge judge,
        LlmJudgeOptions options,
        AnswerGradingItem[] selected,
        string output,
        string split,
        int concurrency,
        bool resume,
        string itemsPath,
        CliContext context,
        CancellationToken cancellationToken)
    {
        HashSet<string> done;
        try
        {
            done = resume ? await KeepJudgedLinesAsync(output, cancellationToken) : [];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot read --out {output} to resume: {e.Message}");
            return 2;
        }

        var pending = selected.Where(i => !done.Contains(i.Id)).ToArray();
        var progress = new EvalProgress(selected.Length, selected.Length - pending.Length, context.Error);
        await progress.ReportAsync(force: true);
        FileStream stream;
        try
        {
            stream = new FileStream(output, resume ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot write --out {output}: {e.Message}");
            return 2;
        }

        var started = context.Time.GetTimestamp();
        await using (stream)
        await using (var writer = new StreamWriter(stream))
        using (var gate = new SemaphoreSlim(1, 1))
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(pending, parallel, async (item, token) =>
            {
                var judgment = await judge.JudgeAsync(ToRequest(item), token);
                var line = JsonSerializer.Serialize(
                    new LlmPrediction(item.Id, judgment.Depth, judgment.JudgedBy.ToString(), judgment.FallbackReason, judgment.InputTokens, judgment.OutputTokens),
                    AnswerGradingJsonContext.Default.LlmPrediction);
                await gate.WaitAsync(token);
                try
                {
                    await writer.WriteLineAsync(line.AsMemory(), token);
                    await writer.FlushAsync(token);
                    progress.Add(judgment);
                    await progress.ReportAsync(force: false);
                }
                finally
                {
                    gate.Release();
                }
            });
        }

        await progress.ReportAsync(force: true);
        var cost = LlmCost.EstimateUsd(options, progress.InputTokens, progress.OutputTokens);
        var kept = done.Count > 0 ? $", {done.Count} kept from {output}" : string.Empty;
        var costText = cost is { } usd ? string.Create(CultureInfo.InvariantCulture, $" (≈ ${usd:0.00})") : string.Empty;
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"judged {pending.Length} answers with the llm judge ({options.ModelName}) in {context.Time.GetElapsedTime(started).TotalSeconds:F0} s{kept}; " +
            $"{progress.InputTokens:N0} input + {progress.OutputTokens:N0} output tokens{costText}; wrote {output}"));
        if (progress.Fallbacks.Count > 0)
        {
            await context.Output.WriteLineAsync(
                $"warning: {progress.Fallbacks.Values.Sum()} answers fell back to the rubric judge ({string.Join(", ", progress.Fallbacks.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}: {f.Value}"))}); " +
                "their scores measure the rubric judge. Run again with --resume to judge them again.");
        }

        await context.Output.WriteLineAsync(
            $"score it: python3 {Path.Combine(Path.GetDirectoryName(Path.GetFullPath(itemsPath)) ?? ".", "evaluate.py")} --split {split} {output}");
        return 0;
    }

    /// <summary>
    /// Rewrites <paramref name="path"/> keeping only complete prediction lines the LLM judged, and returns their ids:
    /// a line torn by an interruption and answers that fell back to the rubric judge are judged again.
    /// </summary>
    private static async Task<HashSet<string>> KeepJudgedLinesAsync(string path, CancellationToken cancellationToken)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return ids;
        }

        var kept = new List<string>();
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            try
            {
                if (JsonSerializer.Deserialize(line, AnswerGradingJsonContext.Default.LlmPrediction) is { Id: { Length: > 0 } id, JudgedBy: nameof(JudgeKind.Llm) }
                    && ids.Add(id))
                {
                    kept.Add(line);
                }
            }
            catch (JsonException)
            {
                // A torn last line: judged again.
            }
        }

        var temporary = path + ".resume";
        await File.WriteAllLinesAsync(temporary, kept, cancellationToken);
        File.Move(temporary, path, overwrite: true);
        return ids;
    }

    private static JudgeRequest ToRequest(AnswerGradingItem item) => new(
        InterviewId: "judge-eval",
        new QuestionContext(item.QuestionId, item.Question, [], item.ReferenceAnswer),
        item.Answer,
        QuestionKind.ShortAnswer,
        EvaluationNotes: string.Empty,
        BannedTopics: []);

    private static async Task WritePredictionsAsync(string path, AnswerGradingItem[] items, double[] scores, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false);
        for (var k = 0; k < items.Length; k++)
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(new Prediction(items[k].Id, scores[k]), AnswerGradingJsonContext.Default.Prediction)
                .AsMemory(), cancellationToken);
        }
    }
}
