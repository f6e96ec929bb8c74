using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Bot.Tests.Rehearsal;

/// <summary>
/// Whole screens on the shipped profiles with the offline judge, read as a hiring manager reads the scorecard (issue 13):
/// a strong candidate, also in other words, is never told it "missed" what it said; pasting the reference answers, the
/// same sentence everywhere and one-word answers never look good.
/// </summary>
public sealed class ScorecardTrustTests : IDisposable
{
    private const string SeniorKnockouts = """
        consent: "yes"
        api-design-years: "6"
        start-date: "in 3 weeks"
        timezone-overlap: "2"
        """;

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("trust-");

    public void Dispose() => _root.Delete(recursive: true);

    [Theory]
    [InlineData("backend-senior", "backend-senior-strong.yaml")]
    [InlineData("backend-remote", "backend-remote-strong.yaml")]
    public async Task Rehearse_StrongScript_NothingMissedNothingFlaggedAtLeastYes(string profile, string script)
    {
        var card = await RehearseAsync(profile, Path.Combine(RepositoryPaths.Profiles, "rehearsals", script));

        Assert.Contains(card.Recommendation, new[] { "YES", "STRONG YES" });
        Assert.DoesNotContain(" missed ", card.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("No evidence", card.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("INTEGRITY", card.Output, StringComparison.Ordinal);
        Assert.True(card.Confidence >= 0.7, card.Output);
    }

    /// <summary>
    /// The strong senior candidate in other words: the hand-written paraphrases of the area-coverage set answer every question
    /// and deep-dive follow-up; the changes of scenario (pressure tests, which area-eval does not judge) are answered as in
    /// the strong rehearsal script.
    /// </summary>
    [Fact]
    public async Task Rehearse_StrongSeniorInOtherWords_NothingMissedAtLeastYes()
    {
        string[] items = ["challenging-api-strong", "db-opt-strong-paraphrase", "reliability-strong-paraphrase", "ai-code-strong-paraphrase", "p95-strong", "p95-prevention-paraphrase", "spike-strong-paraphrase"];
        var paraphrases = AreaCoverageAnswers(items);
        var profile = TestProfiles.BackendSenior;
        var probed = profile.CustomQuestions.Select(q => q.Id)
            .Concat(profile.Blueprints.SelectMany(b => b.FollowUps.Where(f => f.Kind == FollowUpKind.Probe).Select(f => f.Id).Prepend(b.Id)));
        Assert.Equal(probed.Order(StringComparer.Ordinal), paraphrases.Keys.Order(StringComparer.Ordinal));

        var strong = StrongScriptAnswers("backend-senior-strong.yaml");
        var answers = paraphrases.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[a.Value], StringComparer.Ordinal);
        foreach (var question in profile.CustomQuestions.Where(q => q.FollowUps.Any(f => f.Kind == FollowUpKind.PressureTest)))
        {
            answers[question.Id] = [paraphrases[question.Id], strong[question.Id][1]];
        }

        foreach (var pressureTest in profile.Blueprints.SelectMany(b => b.FollowUps).Where(f => f.Kind == FollowUpKind.PressureTest))
        {
            answers[pressureTest.Id] = [strong[pressureTest.Id][0]];
        }

        var card = await RehearseAsync("backend-senior", await WriteScriptAsync(answers));

        Assert.Contains(card.Recommendation, new[] { "YES", "STRONG YES" });
        Assert.DoesNotContain(" missed ", card.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("INTEGRITY", card.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_WeakScript_IsNoWithLowConfidence()
    {
        var card = await RehearseAsync("backend-senior", Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-weak.yaml"));

        Assert.Equal("NO", card.Recommendation);
        Assert.True(card.Confidence < 0.5, card.Output);
    }

    [Fact]
    public async Task Rehearse_PastedReferenceAnswers_AtMostMaybeAndFlaggedAsCopied()
    {
        var catalog = ProfileCatalog.Load(RepositoryPaths.Profiles);
        var profile = catalog.Results.Select(r => r.Profile).Single(p => p?.Id == "backend-senior")!;
        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var question in profile.CustomQuestions.Where(q => q.ReferenceAnswer is not null))
        {
            answers[question.Id] = question.ReferenceAnswer!;
        }

        foreach (var blueprint in profile.Blueprints)
        {
            answers[blueprint.Id] = blueprint.ReferenceAnswer;
            foreach (var followUp in blueprint.FollowUps.Where(f => f.ReferenceAnswer is not null))
            {
                answers[followUp.Id] = followUp.ReferenceAnswer!;
            }
        }

        answers["default"] = "We retried with exponential backoff and made the handler idempotent with a table of processed message ids.";
        Assert.True(answers.Count >= 10, string.Join(", ", answers.Keys));

        var card = await RehearseAsync("backend-senior", await WriteScriptAsync(answers));

        Assert.Contains(card.Recommendation, new[] { "NO", "MAYBE" });
        Assert.Contains("INTEGRITY:", card.Output, StringComparison.Ordinal);
        Assert.Contains("copied from the reference answer", card.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_OneSentenceToEveryQuestion_ConfidenceUnderHalfAndFlaggedAsRepeated()
    {
        var card = await RehearseAsync("backend-senior", await WriteScriptAsync(new Dictionary<string, string>
        {
            ["default"] = "I would look at the metrics, find the bottleneck and fix it with the team, then check that it worked.",
        }));

        Assert.Equal("NO", card.Recommendation);
        Assert.True(card.Confidence < 0.5, card.Output);
        Assert.Contains("the same answer as another question", card.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rehearse_OneWordAnswers_CommunicationIsLow()
    {
        var card = await RehearseAsync("backend-senior", await WriteScriptAsync(new Dictionary<string, string>
        {
            ["challenging-api"] = "REST calls.",
            ["default"] = "idk",
        }));

        var communication = Regex.Match(card.Output, @"^\s+Communication\s+\d+%\s+[#.]+\s+([\d.]+)\s*$", RegexOptions.Multiline);
        Assert.True(communication.Success, card.Output);
        Assert.True(double.Parse(communication.Groups[1].Value, CultureInfo.InvariantCulture) <= 2, card.Output);
        Assert.Equal("NO", card.Recommendation);
    }

    private static Dictionary<string, string> AreaCoverageAnswers(IReadOnlyCollection<string> itemIds)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(RepositoryPaths.Root, "tests", "ScreeningBot.Dialogs.Tests", "Judging", "area-coverage.yaml")))
        {
            yaml.Load(reader);
        }

        var answers = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = (YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("items")];
        foreach (var item in items.Cast<YamlMappingNode>().Where(i => itemIds.Contains(((YamlScalarNode)i.Children[new YamlScalarNode("id")]).Value!)))
        {
            foreach (var (key, value) in (YamlMappingNode)item.Children[new YamlScalarNode("answers")])
            {
                answers[((YamlScalarNode)key).Value!] = ((YamlScalarNode)value).Value!;
            }
        }

        return answers;
    }

    private Task<string> WriteScriptAsync(IReadOnlyDictionary<string, string> answers) =>
        WriteScriptAsync(answers.ToDictionary(a => a.Key, a => (IReadOnlyList<string>)[a.Value], StringComparer.Ordinal));

    /// <summary>A rehearsal script after the senior knockouts; a list answers a question and then its follow-ups in order.</summary>
    private async Task<string> WriteScriptAsync(IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        static string Quoted(string text) => $"\"{text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).ReplaceLineEndings(" ")}\"";
        var path = Path.Combine(_root.FullName, $"script-{Guid.NewGuid():N}.yaml");
        var lines = answers.Select(a => $"{a.Key}: {(a.Value.Count == 1 ? Quoted(a.Value[0]) : "[" + string.Join(", ", a.Value.Select(Quoted)) + "]")}");
        await File.WriteAllTextAsync(path, SeniorKnockouts + "\n" + string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>A shipped rehearsal script's answers by question id, each as the list of answers it gives in order.</summary>
    private static Dictionary<string, string[]> StrongScriptAnswers(string script)
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(RepositoryPaths.Profiles, "rehearsals", script)))
        {
            yaml.Load(reader);
        }

        return ((YamlMappingNode)yaml.Documents[0].RootNode).Children.ToDictionary(
            e => ((YamlScalarNode)e.Key).Value!,
            e => e.Value is YamlSequenceNode list ? [.. list.Children.Select(c => ((YamlScalarNode)c).Value!)] : new[] { ((YamlScalarNode)e.Value).Value! },
            StringComparer.Ordinal);
    }

    private static async Task<RehearsedCard> RehearseAsync(string profile, string script)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles })
            .Build();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(new StringReader(string.Empty), output, error, configuration, new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
        var code = await CommandLine.RunAsync(["rehearse", "--profile", profile, "--answers", script], context, CancellationToken.None);
        var text = output.ToString();
        Assert.True(code == 0, $"exit {code}\n{error}\n{text}");
        var headline = Regex.Match(text, @"^ (STRONG YES|YES|MAYBE|NO)\s+\d+/100\s+confidence (\d+)%", RegexOptions.Multiline);
        Assert.True(headline.Success, text);
        return new RehearsedCard(headline.Groups[1].Value, double.Parse(headline.Groups[2].Value, CultureInfo.InvariantCulture) / 100, text[text.IndexOf(" SCORECARD", StringComparison.Ordinal)..]);
    }

    private sealed record RehearsedCard(string Recommendation, double Confidence, string Output);
}
