using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Rehearsal;

/// <summary>
/// Every rehearsal script shipped in profiles/rehearsals, replayed through the real <c>rehearse</c> verb with the
/// offline judge: a strong candidate is recommended (Yes or Strong Yes) and a weak one is not (No) (issue 22).
/// </summary>
public sealed class ShippedRehearsalTests : IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("shipped-rehearsal-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static string RehearsalsPath => Path.Combine(RepositoryPaths.Profiles, "rehearsals");

    public static TheoryData<string> StrongScripts => Scripts("-strong.yaml");

    public static TheoryData<string> WeakScripts => Scripts("-weak.yaml");

    [Theory]
    [MemberData(nameof(StrongScripts))]
    public async Task Rehearse_StrongScript_IsRecommended(string script)
    {
        var recommendation = await RehearseAsync(script, "-strong.yaml");

        Assert.Contains(recommendation, new[] { "Yes", "Strong Yes" });
    }

    [Theory]
    [MemberData(nameof(WeakScripts))]
    public async Task Rehearse_WeakScript_IsNotRecommended(string script)
    {
        var recommendation = await RehearseAsync(script, "-weak.yaml");

        Assert.Equal("No", recommendation);
    }

    [Fact]
    public void Rehearsals_EveryShippedProfile_HasAWeakScriptAndTheStackProfilesAStrongOne()
    {
        var profiles = TestProfiles.Catalog.Profiles.Select(p => p.Id).ToArray();

        Assert.All(profiles, id => Assert.True(File.Exists(Path.Combine(RehearsalsPath, id + "-weak.yaml")), $"{id} has no weak rehearsal script"));
        Assert.All(profiles.Where(id => id != "backend-mid"), id => Assert.True(File.Exists(Path.Combine(RehearsalsPath, id + "-strong.yaml")), $"{id} has no strong rehearsal script"));
    }

    private static TheoryData<string> Scripts(string suffix) =>
        [.. Directory.GetFiles(Path.Combine(RepositoryPaths.Profiles, "rehearsals"), "*" + suffix).Select(f => Path.GetFileName(f) ?? f).Order(StringComparer.Ordinal)];

    private async Task<string> RehearseAsync(string script, string suffix)
    {
        var profile = script[..^suffix.Length];
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
