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

    public string Name => "judge-eval";

    public string Usage => "judge-eval --split dev|test [--judge rubric|llm] --out FILE [--items PATH] [--warm-up SECONDS]";

    public string Summary =>
        "Judges the human-graded answers of shared/eval/answer-grading and writes {\"id\", \"score\"} lines for evaluate.py.";

    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var split = arguments.GetRequired("split");
        if (split is not ("dev" or "test"))
        {
            throw new CliUsageException($"--split must be dev or test, not '{split}'");
        }

        var judgeName = arguments.Get("judge") ?? JudgeFactory.Rubric;
        var output = arguments.GetRequired("out");
        var itemsPath = arguments.Get("items");
        var warmUp = ParseWarmUp(arguments.Get("warm-up"));
        arguments.ThrowIfUnknownOptions();

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
