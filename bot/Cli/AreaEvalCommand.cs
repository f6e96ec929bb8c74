using System.Globalization;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>area-eval</c>: measures how far a "not covered" claim about a knowledge area can be trusted, on the hand-labelled
/// area-coverage set: precision (share of claims that are right) and recall (share of truly absent areas found), per
/// split. The work is <see cref="AreaCoverageEvaluator"/>'s; this verb reads its options and prints.
/// </summary>
internal sealed class AreaEvalCommand : ICliCommand
{
    public string Name => "area-eval";

    public string Usage => "area-eval [--split dev|test|all] [--set FILE] [--profiles DIR] [--list dev|test]";

    public string Summary =>
        "Measures the judge's knowledge-area coverage on the hand-labelled set: precision and recall of \"not covered\" claims per split; --list shows the labels it got wrong.";

    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var split = arguments.Get("split") ?? "all";
        var list = arguments.Get("list");
        var setPath = arguments.Get("set") ?? AreaCoverageSet.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        var profilesPath = arguments.Get("profiles") ?? context.Configuration["Screening:ProfilesPath"] ?? "profiles";
        arguments.ThrowIfUnknownOptions();
        if (split is not ("dev" or "test" or "all") || list is not (null or "dev" or "test"))
        {
            throw new CliUsageException("--split takes dev, test or all, and --list dev or test");
        }

        if (setPath is null)
        {
            await context.Error.WriteLineAsync($"error: cannot find {AreaCoverageSet.RelativePath} above the current directory or {AppContext.BaseDirectory}; pass --set FILE");
            return 2;
        }

        if (!Directory.Exists(profilesPath))
        {
            await context.Error.WriteLineAsync($"error: profiles folder '{profilesPath}' does not exist; pass --profiles DIR");
            return 2;
        }

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
        foreach (var name in split == "all" ? AreaCoverageSet.Splits : [split])
        {
            var score = AreaCoverageEvaluator.Score(name, verdicts);
            await context.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{name,-5} {score.Labels,8} {score.Absent,7} {score.Claimed,8} {score.Correct,6} {score.Precision,10:0.000} {score.Recall,7:0.000}"));
        }

        await context.Output.WriteLineAsync("(a claim is the judge calling an area \"not covered\"; precision: share of claims that are right; recall: share of truly absent areas claimed)");
        foreach (var wrong in verdicts.Where(v => v.Split == list && v.ClaimsAbsent != v.IsAbsent))
        {
            await context.Output.WriteLineAsync($"  {setPath}:{wrong.Line}: {wrong.ItemId} / {wrong.Area}: labelled {wrong.Label}, judged {wrong.Predicted.ToString().ToLowerInvariant()}{(wrong.Evidence is null ? string.Empty : $" (“{wrong.Evidence}”)")}");
        }

        return 0;
    }
}
