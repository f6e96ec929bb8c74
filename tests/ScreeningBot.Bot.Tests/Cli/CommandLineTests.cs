using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;

namespace ScreeningBot.Bot.Tests.Cli;

public sealed class CommandLineTests : IDisposable
{
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _output.Dispose();
        _error.Dispose();
    }

    [Theory]
    [InlineData("rehersal", "rehearse")]
    [InlineData("rehearsal", "rehearse")]
    [InlineData("judge", "judge-eval")]
    [InlineData("validate", "validate-profiles")]
    [InlineData("froget", "forget")]
    [InlineData("hlep", "help")]
    public async Task RunAsync_MistypedVerb_SuggestsTheVerbAndExitsTwo(string typed, string meant)
    {
        var exitCode = await RunAsync(typed);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: unknown verb '{typed}'; did you mean '{meant}'?", line, StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task RunAsync_UnrelatedWord_ListsTheVerbsAndExitsTwo()
    {
        var exitCode = await RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Equal(
            "error: unknown verb 'frobnicate'. The verbs are rehearse, judge-eval, cefr-eval, area-eval, validate-profiles, profile, forget, export, webhook, invite, export-candidate, verify-audit, adverse-impact, help; run 'dotnet run --project bot -- help' for what they do.",
            _error.ToString().Trim());
    }

    [Fact]
    public async Task RealExecutable_UnknownVerb_ExitsTwoWithoutStartingTheServer()
    {
        var (exitCode, output, error) = await BotExecutable.RunAsync(["frobnicate"], timeout: TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 2, $"exit {exitCode}\n{output}\n{error}");
        Assert.Contains("unknown verb 'frobnicate'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://localhost:4000" }, false)]
    [InlineData(new[] { "--environment", "Development" }, false)]
    [InlineData(new[] { "Storage:Provider=Tables" }, false)]
    [InlineData(new[] { "rehearse", "--profile", "x" }, true)]
    [InlineData(new[] { "frobnicate" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new[] { "-h" }, true)]
    [InlineData(new[] { "--version" }, true)]
    public void IsVerb_ServerOptionsRunTheServerAndWordsAreVerbs(string[] args, bool isVerb) =>
        Assert.Equal(isVerb, CommandLine.IsVerb(args));

    [Theory]
    [InlineData("help")]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_ListsEveryVerbWithItsUsageAndDescription(string help)
    {
        var exitCode = await RunAsync(help);

        Assert.Equal(0, exitCode);
        var text = _output.ToString();
        foreach (var verb in CommandLine.CreateCommands())
        {
            Assert.Contains($"  {CommandLine.Usage(verb.Command)}\n      {verb.Command.Description}\n", text.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        }

        Assert.Contains("rehearse --profile ID [--answers FILE] [--out DIR] [--name NAME]", text, StringComparison.Ordinal);
        Assert.Contains("validate-profiles [PATH]", text, StringComparison.Ordinal);
        Assert.Contains("forget --candidate ID", text, StringComparison.Ordinal);
        Assert.Contains("invite --profile ID --name NAME [--email ADDRESS] [--channel CHANNEL]", text, StringComparison.Ordinal);
        Assert.Contains("help [VERB]", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_VerbHelp_DescribesEveryOption()
    {
        foreach (var verb in CommandLine.CreateCommands())
        {
            _output.GetStringBuilder().Clear();
            Assert.Equal(0, await RunAsync(verb.Command.Name, "--help"));
            var viaOption = _output.ToString();
            _output.GetStringBuilder().Clear();
            Assert.Equal(0, await RunAsync("help", verb.Command.Name));

            Assert.Equal(viaOption, _output.ToString());
            Assert.Contains($"dotnet run --project bot -- {verb.Command.Name}", viaOption, StringComparison.Ordinal);
            foreach (var option in verb.Command.Options)
            {
                Assert.False(string.IsNullOrWhiteSpace(option.Description), $"{verb.Command.Name} {option.Name} has no description");
                Assert.Contains(option.Name, viaOption, StringComparison.Ordinal);
                Assert.Contains(option.Description!, viaOption, StringComparison.Ordinal);
            }
        }

        Assert.Empty(_error.ToString());
    }

    [Fact]
    public void CreateCommands_EveryVerbClassInTheBot_IsRegistered()
    {
        var registered = CommandLine.CreateCommands().Select(c => c.GetType()).ToHashSet();
        var declared = typeof(ICliCommand).Assembly.GetTypes()
            .Where(t => typeof(ICliCommand).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false });

        Assert.All(declared, t => Assert.True(registered.Contains(t), $"{t.Name} implements ICliCommand but is not in CommandLine.CreateCommands"));
        Assert.Equal(registered.Count, CommandLine.CreateCommands().Select(c => c.Command.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task RunAsync_MistypedOption_SuggestsTheOption()
    {
        var exitCode = await RunAsync("forget", "--candiate", "U-1");

        Assert.Equal(2, exitCode);
        Assert.Equal("error: unknown option --candiate; did you mean --candidate? usage: forget --candidate ID", _error.ToString().Trim());
    }

    [Fact]
    public async Task RunAsync_OptionWithoutValue_SaysItNeedsOne()
    {
        var exitCode = await RunAsync("judge-eval", "--split", "dev", "--out");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: option --out needs a value. usage: judge-eval --split dev|test", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_OptionGivenTwice_IsAnError()
    {
        var exitCode = await RunAsync("forget", "--candidate", "a", "--candidate", "b");

        Assert.Equal(2, exitCode);
        Assert.Contains("--candidate", _error.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("error: ", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AtSignValue_IsTakenLiterallyNotAsAResponseFile()
    {
        var exitCode = await RunAsync("rehearse", "--profile", "@nope");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: unknown profile '@nope'", _error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rehersal", "rehearse")]
    [InlineData("--anwsers", "--answers")]
    [InlineData("validate", "validate-profiles")]
    [InlineData("frobnicate", null)]
    [InlineData("x", null)]
    public void CliSuggestion_Closest_FindsTheNameMeant(string typed, string? expected) =>
        Assert.Equal(expected, CliSuggestion.Closest(typed, ["rehearse", "judge-eval", "validate-profiles", "forget", "help", "--answers", "--profile"]));

    private Task<int> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = Testing.RepositoryPaths.Profiles })
            .Build();
        var context = new CliContext(TextReader.Null, _output, _error, configuration, new FakeTimeProvider());
        return CommandLine.RunAsync(args, context, CancellationToken.None);
    }
}
