using System.Globalization;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The work of <c>area-eval</c>: loads the area-coverage set and the profiles, has <see cref="AreaCoverageEvaluator"/>
/// judge every labelled area, and prints precision and recall of "not covered" claims per split, then (on request) the
/// labels the judge got wrong with the sentence it went by.
/// </summary>
internal sealed class AreaEvaluation(CliContext context)
{
    public async Task<int> RunAsync(string setPath, string profilesPath, IReadOnlyList<string> splits, string? listSplit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(profilesPath);
        ArgumentNullException.ThrowIfNull(splits);
        IReadOnlyList<AreaVerdict> verdicts;
        try
        {
            var items = await AreaCoverageSet.LoadAsync(setPath, cancellationToken);
            verdicts = AreaCoverageEvaluator.Evaluate(items, ProfileCatalog.Load(profilesPath), setPath);
        }
        catch (Exception e) when (e is AreaCoverageSetException or IOException or UnauthorizedAccessException)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }

        await context.Output.WriteLineAsync($"area-eval: {verdicts.Count} labelled areas in {setPath}");
        await context.Output.WriteLineAsync("split   labels  absent  claimed  right  precision  recall");
        foreach (var split in splits)
        {
            var score = AreaCoverageEvaluator.Score(split, verdicts);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{split,-5} {score.Labels,8} {score.Absent,7} {score.Claimed,8} {score.Correct,6} {score.Precision,10:0.000} {score.Recall,7:0.000}"));
        }

        await context.Output.WriteLineAsync("(a claim is the judge calling an area \"not covered\"; precision: share of claims that are right; recall: share of truly absent areas claimed)");
        foreach (var wrong in verdicts.Where(v => v.Split == listSplit && v.ClaimsAbsent != v.IsAbsent))
        {
            await context.Output.WriteLineAsync(
                $"  {setPath}:{wrong.Line}: {wrong.ItemId} / {wrong.Area}: labelled {wrong.Label}, judged {wrong.Predicted.ToString().ToLowerInvariant()}{(wrong.Evidence is null ? string.Empty : $" (“{wrong.Evidence}”)")}");
        }

        return 0;
    }
}
