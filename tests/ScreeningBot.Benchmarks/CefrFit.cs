using System.Globalization;
using System.Text.Json;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Benchmarks;

/// <summary>
/// Fits the offline CEFR model (<c>dialogs/Language/Data/cefr-model.json</c>) on CEFR-SP's train and dev splits, and
/// never reads test. Without <c>--write</c> it fits on train alone and prints dev figures (for tuning); with
/// <c>--write</c> it fits on train + dev and writes the model file. The test figures come from <c>cefr-eval</c> and
/// the set's own <c>evaluate.py</c> (README, "Language assessment").
/// </summary>
internal static class CefrFit
{
    public const string ModelRelativePath = "dialogs/Language/Data/cefr-model.json";

    public static async Task<int> RunAsync(string root, string[] args, TextWriter output)
    {
        string? Option(string name)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        double Number(string name, double fallback) =>
            Option(name) is { } text ? double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture) : fallback;

        var itemsPath = Option("items") ?? CefrItems.Locate([root]);
        if (itemsPath is null)
        {
            await output.WriteLineAsync($"error: cannot find {CefrItems.FolderRelativePath}/{CefrItems.ItemsFileName} above {root}; pass --items PATH");
            return 2;
        }

        var booster = new RegressionTreeBooster
        {
            Trees = (int)Number("trees", 300),
            Depth = (int)Number("depth", 3),
            LearningRate = Number("rate", 0.05),
            MinLeaf = (int)Number("min-leaf", 20),
            Lambda = Number("lambda", 5),
            Subsample = Number("subsample", 0.8),
        };
        var write = args.Contains("--write");
        var items = (await CefrItems.LoadAsync(itemsPath, CancellationToken.None))
            .Where(i => i.Split is "train" or "dev" && i.A is not null && i.B is not null)
            .ToArray();
        var fitOn = items.Where(i => write || i.Split == "train").ToArray();
        var dev = items.Where(i => i.Split == "dev").ToArray();
        var frequencies = WordFrequencyList.English;
        double[] Features(CefrItem item)
        {
            var row = new double[SentenceFeatures.Count];
            SentenceFeatures.Compute(LanguageText.Tokens(item.Text), frequencies, row);
            return row;
        }

        var x = fitOn.Select(Features).ToArray();
        var y = fitOn.Select(i => (i.A!.Value + i.B!.Value) / 2.0).ToArray();
        var description = string.Create(CultureInfo.InvariantCulture,
            $"gradient-boosted regression trees ({booster.Trees} trees, depth {booster.Depth}, rate {booster.LearningRate}, min leaf {booster.MinLeaf}, " +
            $"lambda {booster.Lambda}, subsample {booster.Subsample}) over {SentenceFeatures.Count} features, fitted on CEFR-SP Wiki-Auto " +
            $"{(write ? "train + dev" : "train")} ({fitOn.Length} sentences) against the mean of the two annotators");
        var file = booster.Fit(x, y, description);
        await output.WriteLineAsync(description);
        if (!write)
        {
            using var stream = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(file, CefrModelJsonContext.Default.CefrModelFile));
            var model = CefrModel.Parse(stream);
            var predictions = dev.Select(i => model.Predict(Features(i))).ToArray();
            await output.WriteLineAsync(Figures("dev", dev, predictions));
            await output.WriteLineAsync(Figures("train (in-sample)", fitOn, x.Select(r => model.Predict(r)).ToArray()));
            if (Option("dev-out") is { } devOut)
            {
                await File.WriteAllLinesAsync(devOut, dev.Select((i, k) => string.Create(CultureInfo.InvariantCulture, $"{{\"id\": \"{i.Id}\", \"level\": {predictions[k]:F3}}}")));
                await output.WriteLineAsync($"wrote the dev predictions to {devOut}; score them with evaluate.py --split dev");
            }

            return 0;
        }

        var path = Path.Combine(root, ModelRelativePath);
        await File.WriteAllBytesAsync(path, JsonSerializer.SerializeToUtf8Bytes(file, CefrModelJsonContext.Default.CefrModelFile));
        await output.WriteLineAsync($"wrote {path}; rebuild, then score with: dotnet run --project bot -- cefr-eval --items {itemsPath} --out FILE");
        return 0;
    }

    /// <summary>Pearson against the annotators' mean, exact and within-one as evaluate.py counts them (a quick look while tuning).</summary>
    private static string Figures(string name, CefrItem[] items, double[] predictions)
    {
        var gold = items.Select(i => (i.A!.Value + i.B!.Value) / 2.0).ToArray();
        var rounded = predictions.Select(p => (int)Math.Clamp(Math.Floor(p + 0.5), 1, 6)).ToArray();
        var exact = items.Where((i, k) => rounded[k] == i.A || rounded[k] == i.B).Count() / (double)items.Length;
        var within = items.Where((i, k) => Math.Abs(rounded[k] - i.A!.Value) <= 1 && Math.Abs(rounded[k] - i.B!.Value) <= 1).Count() / (double)items.Length;
        return string.Create(CultureInfo.InvariantCulture, $"{name}: N {items.Length}, pearson {Pearson(predictions, gold):F3}, exact {exact:F3}, within1 {within:F3}");
    }

    private static double Pearson(double[] x, double[] y)
    {
        var mx = x.Average();
        var my = y.Average();
        var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var sxx = x.Sum(a => (a - mx) * (a - mx));
        var syy = y.Sum(b => (b - my) * (b - my));
        return sxy / Math.Sqrt(sxx * syy);
    }
}
