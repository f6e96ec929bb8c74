using System.Globalization;
using System.Text.Json;
using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The work of <c>cefr-eval</c>: estimates the CEFR level of every sentence of a CEFR-SP style file with the offline
/// estimator and writes one <c>{"id", "level"}</c> line per item, whatever its split, for the set's <c>evaluate.py</c>.
/// Prints a progress bar on stderr and the estimator's speed (mean and p99 µs per sentence, after a warm-up pass).
/// The predictions are written to a temporary file and moved into place, so a failed run leaves no half file.
/// </summary>
internal sealed class CefrEvaluation(SentenceLevelEstimator estimator, CliContext context)
{
    /// <summary>Sentences estimated untimed first, so JIT compilation does not count as estimating time.</summary>
    public const int WarmUpSentences = 3_000;

    private const int BarWidth = 20;

    public async Task<int> RunAsync(string itemsPath, string outPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(itemsPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(outPath);
        IReadOnlyList<CefrItem> items;
        try
        {
            items = await CefrItems.LoadAsync(itemsPath, cancellationToken);
        }
        catch (CefrItemsException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: cannot read --items {itemsPath}: {e.Message}");
            return 2;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (directory is not null && !Directory.Exists(directory))
        {
            await context.Error.WriteLineAsync($"error: cannot write --out {outPath}: folder {directory} does not exist; create it or choose another path");
            return 2;
        }

        for (var k = 0; k < Math.Min(WarmUpSentences, items.Count); k++)
        {
            estimator.Estimate(items[k].Text);
        }

        var levels = new double[items.Count];
        var micros = new double[items.Count];
        var reported = -1;
        for (var k = 0; k < items.Count; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var start = context.Time.GetTimestamp();
            levels[k] = estimator.Estimate(items[k].Text);
            micros[k] = context.Time.GetElapsedTime(start).TotalMicroseconds;
            var percent = (int)(100L * (k + 1) / items.Count);
            if (percent / 5 != reported / 5)
            {
                reported = percent;
                var filled = percent * BarWidth / 100;
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {percent,3}% {k + 1}/{items.Count} sentences"));
            }
        }

        var temporary = outPath + ".tmp";
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false))
            {
                for (var k = 0; k < items.Count; k++)
                {
                    var line = JsonSerializer.Serialize(new CefrPrediction(items[k].Id, Math.Round(levels[k], 3)), CefrItemsJsonContext.Default.CefrPrediction);
                    await writer.WriteLineAsync(line.AsMemory(), cancellationToken);
                }
            }

            File.Move(temporary, outPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            await context.Error.WriteLineAsync($"error: cannot write --out {outPath}: {e.Message}");
            return 2;
        }

        Array.Sort(micros);
        var p99 = micros[Math.Max(0, (int)Math.Ceiling(0.99 * micros.Length) - 1)];
        var splits = string.Join(", ", items.GroupBy(i => i.Split ?? "no split").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));
        await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"estimated {items.Count} sentences ({splits}): mean {micros.Average():F1} µs, p99 {p99:F1} µs per sentence; wrote {outPath}"));
        await context.Output.WriteLineAsync($"model: {estimator.Model.Description}");
        await context.Output.WriteLineAsync(
            $"score it: python3 {Path.Combine(Path.GetDirectoryName(Path.GetFullPath(itemsPath)) ?? ".", "evaluate.py")} --split dev|test {outPath}");
        return 0;
    }
}
