using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Rehearsal;

/// <summary>
/// The rehearsal scripts of every shipped profile (profiles/rehearsals), replayed through the real <c>rehearse</c> verb with the
/// offline judge: for every shipped profile, its strong candidate is recommended (Yes or Strong Yes) and its weak one is
/// not (No) (issue 22).
/// </summary>
public sealed class ShippedRehearsalTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("shipped-rehearsal-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string RehearsalsPath => Path.Combine(RepositoryPaths.Profiles, "rehearsals");

    /// <summary>Every profile in profiles/, so a new profile without rehearsal scripts fails here.</summary>
    public static TheoryData<string> ShippedProfiles => [.. TestProfiles.Catalog.Profiles.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public async Task Rehearse_StrongScript_IsRecommended(string profile)
    {
        var recommendation = await RehearseAsync(profile, "-strong.yaml");

        Assert.Contains(recommendation, new[] { "Yes", "Strong Yes" });
    }

    [Theory]
    [MemberData(nameof(ShippedProfiles))]
    public async Task Rehearse_WeakScript_IsNotRecommended(string profile)
    {
        var recommendation = await RehearseAsync(profile, "-weak.yaml");

        Assert.Equal("No", recommendation);
    }

    [Fact]
    public void Rehearsals_EveryScript_BelongsToAShippedProfile()
    {
        var profiles = TestProfiles.Catalog.Profiles.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.GetFiles(RehearsalsPath, "*.yaml").Select(f => Path.GetFileName(f) ?? f), script =>
        {
            var suffix = script.EndsWith("-strong.yaml", StringComparison.Ordinal) ? "-strong.yaml" : "-weak.yaml";
            Assert.True(script.EndsWith(suffix, StringComparison.Ordinal), $"{script}: a rehearsal script is named <profile>-strong.yaml or <profile>-weak.yaml");
            Assert.True(profiles.Contains(script[..^suffix.Length]), $"{script}: no shipped profile '{script[..^suffix.Length]}'");
        });
    }

    private async Task<string> RehearseAsync(string profile, string suffix)
    {
        var script = profile + suffix;
        Assert.True(File.Exists(Path.Combine(RehearsalsPath, script)), $"profile {profile} has no rehearsal script profiles/rehearsals/{script}");
        var dir = Path.Combine(_out, Path.GetFileNameWithoutExtension(script));
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles })
            .Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));

        var code = await CommandLine.RunAsync(["rehearse", "--profile", profile, "--answers", Path.Combine(RehearsalsPath, script), "--out", dir], context, CancellationToken.None);

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        var headline = (string)JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "scorecard.json")))!["body"]![0]!["items"]![0]!["text"]!;
        return headline.Split(" · ")[0];
    }
}
