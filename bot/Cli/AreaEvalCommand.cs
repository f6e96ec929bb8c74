using System.CommandLine;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>area-eval</c>: how far a "not covered" claim about a knowledge area can be trusted, on the hand-labelled
/// area-coverage set (the work is in <see cref="AreaEvaluation"/>).
/// </summary>
internal sealed class AreaEvalCommand : ICliCommand
{
    private readonly Option<string> _split = new("--split") { Description = "Which split to print: dev, test or all (default all).", HelpName = "dev|test|all" };

    private readonly Option<string> _list = new("--list") { Description = "Also list the labels of this split the judge got wrong, with the sentence it went by.", HelpName = "dev|test" };

    private readonly Option<string> _set = new("--set")
    {
        Description = $"The labelled set to read; default: {AreaCoverageSet.RelativePath} above the current directory.",
        HelpName = "FILE",
    };

    private readonly Option<string> _profiles = new("--profiles")
    {
        Description = $"The profiles directory whose questions the set answers; default {ValidateProfilesCommand.ProfilesPathKey} (\"{ValidateProfilesCommand.DefaultProfilesPath}\").",
        HelpName = "DIR",
    };

    public AreaEvalCommand()
    {
        Command = new Command(
            "area-eval",
            "Measures the judge's knowledge-area coverage on the hand-labelled set: precision and recall of \"not covered\" claims per split.")
        {
            _split, _list, _set, _profiles,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var split = parseResult.GetValue(_split) ?? "all";
        var list = parseResult.GetValue(_list);
        if (split is not ("dev" or "test" or "all"))
        {
            throw new CliUsageException($"--split must be dev, test or all, not '{split}'");
        }

        if (list is not (null or "dev" or "test"))
        {
            throw new CliUsageException($"--list must be dev or test, not '{list}'");
        }

        var set = parseResult.GetValue(_set) ?? AreaCoverageSet.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        if (set is null)
        {
            await context.Error.WriteLineAsync($"error: cannot find {AreaCoverageSet.RelativePath} above the current directory or {AppContext.BaseDirectory}; pass --set FILE");
            return 2;
        }

        var requested = parseResult.GetValue(_profiles);
        var profiles = requested ?? ValidateProfilesCommand.ResolveDefault(context.Configuration, out _);
        if (profiles is null || !Directory.Exists(profiles))
        {
            await context.Error.WriteLineAsync($"error: profiles folder '{requested ?? ValidateProfilesCommand.DefaultProfilesPath}' does not exist; pass --profiles DIR");
            return 2;
        }

        return await new AreaEvaluation(context).RunAsync(set, profiles, split == "all" ? AreaCoverageSet.Splits : [split], list, cancellationToken);
    }
}
