using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Cli;

public sealed class ValidateProfilesCommandTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "screeningbot-tests", Guid.NewGuid().ToString("N"));
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }

        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task RunAsync_ShippedProfiles_PrintsOneLinePerProfileAndExitsZero()
    {
        var exitCode = await RunAsync("validate-profiles", RepositoryPaths.Profiles);

        Assert.Equal(0, exitCode);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("ok  backend-senior  \"Senior Backend Developer\"  knockouts 3, questions 4, blueprints 2, template standard", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ok  backend-mid  ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ok  bank  ", StringComparison.Ordinal));
        Assert.Empty(_error.ToString());
    }

    [Fact]
    public async Task RunAsync_BrokenProfile_PrintsHeadlineAndEveryErrorAndExitsOne()
    {
        CopyShippedProfiles();
        var senior = Path.Combine(_temp, "backend-senior.yaml");
        var yaml = File.ReadAllText(senior)
            .Replace("failIf: \"< 3\"", "failIf: \"<< 3\"", StringComparison.Ordinal)
            .Replace("    weight: 25", "    weight: 20", StringComparison.Ordinal);
        File.WriteAllText(senior, yaml);

        var exitCode = await RunAsync("validate-profiles", _temp);

        Assert.Equal(1, exitCode);
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var headline = Array.FindIndex(lines, l => l.EndsWith("backend-senior.yaml has 2 errors:", StringComparison.Ordinal));
        Assert.True(headline >= 0, _output.ToString());
        Assert.Matches(@"backend-senior\.yaml:\d+: knockouts\[0\]\.failIf: ""<< 3"" is not a rule for a number answer\. Fix: ", lines[headline + 1]);
        Assert.Matches(@"backend-senior\.yaml:\d+: rubric: rubric weights sum to 95, not 100\. Fix: ", lines[headline + 2]);
        Assert.Contains(lines, l => l.StartsWith("ok  backend-mid  ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_BrokenBankFile_ExitsOneAndNamesIt()
    {
        CopyShippedProfiles();
        File.WriteAllText(Path.Combine(_temp, "bank", "extra.yaml"), "blueprints:\n  - id: caching-invalidation\n    text: Duplicate id\n");

        var exitCode = await RunAsync("validate-profiles", _temp);

        Assert.Equal(1, exitCode);
        var output = _output.ToString();
        Assert.Contains("extra.yaml has 3 errors:", output, StringComparison.Ordinal);
        Assert.Contains("scalability.yaml has 1 error:", output, StringComparison.Ordinal);
        Assert.Contains("bank id \"caching-invalidation\" is already used at ", output, StringComparison.Ordinal);
        Assert.Contains("blueprints[1].ref: bank entry \"caching-invalidation\" has errors, so it cannot be used.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SingleValidFile_ValidatesItAgainstTheBankNextToIt()
    {
        var exitCode = await RunAsync("validate-profiles", Path.Combine(RepositoryPaths.Profiles, "backend-mid.yaml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("ok  backend-mid  ", _output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("backend-senior", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingPath_PrintsOneErrorLineAndExitsTwo()
    {
        var missing = Path.Combine(_temp, "nope");

        var exitCode = await RunAsync("validate-profiles", missing);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(_error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: profiles path '{missing}' does not exist", line, StringComparison.Ordinal);
        Assert.Empty(_output.ToString());
    }

    [Fact]
    public async Task RunAsync_NoPath_UsesTheConfiguredProfilesPath()
    {
        CopyShippedProfiles();

        var exitCode = await RunAsync(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = _temp }, "validate-profiles");

        Assert.Equal(0, exitCode);
        Assert.Contains($"in {_temp}", _output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_TwoPaths_IsAUsageError()
    {
        var exitCode = await RunAsync("validate-profiles", "a", "b");

        Assert.Equal(2, exitCode);
        Assert.StartsWith("error: expected at most one PATH, got 2. usage: validate-profiles [PATH]", _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string?>(), args);

    private Task<int> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var context = new CliContext(TextReader.Null, _output, _error, configuration, new FakeTimeProvider());
        return CommandLine.RunAsync(args, context, CancellationToken.None);
    }

    private void CopyShippedProfiles()
    {
        Directory.CreateDirectory(Path.Combine(_temp, "bank"));
        foreach (var file in Directory.EnumerateFiles(RepositoryPaths.Profiles, "*.yaml", SearchOption.AllDirectories))
        {
            var target = Path.Combine(_temp, Path.GetRelativePath(RepositoryPaths.Profiles, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
