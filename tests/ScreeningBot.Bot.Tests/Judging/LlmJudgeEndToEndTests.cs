using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>
/// The whole bot configured for an OpenAI-compatible endpoint (the loopback server): a scripted screen is judged by the
/// LLM, follow-ups come from it, the scorecard narrative is written by it, and the report shows tokens and cost.
/// </summary>
public sealed partial class LlmJudgeEndToEndTests : IAsyncLifetime, IDisposable
{
    private const string FollowUp = "Could you walk me through one real example of that, step by step?";

    private readonly string _out = Directory.CreateTempSubdirectory("llm-rehearsal-").FullName;
    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public void Dispose() => Directory.Delete(_out, recursive: true);

    [Fact]
    public async Task Rehearse_WithTheLlmJudge_JudgesAsksItsFollowUpAndWritesTheNarrative()
    {
        _server.Responder = request => (string?)request.Json["response_format"]?["json_schema"]?["name"] switch
        {
            // Every area covered and specific enough, but shallow: the planner finds no gap the profile's own follow-ups
            // address for some questions and asks the model's question there.
            "LlmVerdict" => ChatCompletionReply.Judgment(2.5, 3.5, covered: Areas(request), needsFollowUp: true, focus: "example", followUp: FollowUp, promptTokens: 1_000, completionTokens: 100),
            "LlmNarrative" => ChatCompletionReply.Json(
                new Dictionary<string, object>
                {
                    ["summary"] = "The candidate finished the screen with generic answers and little first-hand detail.",
                    ["strengths"] = new[] { "Passed every knockout question" },
                    ["risks"] = new[] { "Answers stayed generic" },
                    ["suggestedNextStep"] = "Send a polite rejection.",
                    ["rationale"] = "The answers named good practice without examples or figures, so the depth stayed low.",
                },
                promptTokens: 2_000,
                completionTokens: 300),
            _ => ChatCompletionReply.Error(400),
        };
        var settings = new Dictionary<string, string?>
        {
            ["Screening:ProfilesPath"] = RepositoryPaths.Profiles,
            ["Judge:Provider"] = "OpenAI",
            ["Judge:Endpoint"] = _server.OpenAiEndpoint.ToString(),
            ["Judge:Model"] = "test-model",
            ["Judge:ApiKey"] = "sk-test",
            ["Judge:InputPricePer1KTokensUsd"] = "0.01",
            ["Judge:OutputPricePer1KTokensUsd"] = "0.03",
        };
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(TextReader.Null, output, error, new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var script = Path.Combine(RepositoryPaths.Root, "profiles", "rehearsals", "backend-senior-weak.yaml");

        var code = await CommandLine.RunAsync(["rehearse", "--profile", "backend-senior", "--answers", script, "--out", _out], context, CancellationToken.None);

        Assert.True(code == 0, $"exit {code}\n{error}\n{output}");
        var judgments = _server.Requests.Where(r => r.Body.Contains("\"LlmVerdict\"", StringComparison.Ordinal)).ToArray();
        var narratives = _server.Requests.Where(r => r.Body.Contains("\"LlmNarrative\"", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(judgments);
        Assert.Single(narratives);
        Assert.All(judgments, r => Assert.DoesNotContain(FencedAnswer(r).Trim(), r.MessageText("system"), StringComparison.Ordinal));

        var report = await File.ReadAllTextAsync(Path.Combine(_out, "report.md"));
        Assert.Contains(FollowUp, report, StringComparison.Ordinal);
        Assert.Contains("The candidate finished the screen with generic answers", report, StringComparison.Ordinal);
        Assert.Contains("**Why:** The answers named good practice", report, StringComparison.Ordinal);
        Assert.Contains("narrative by the LLM (test-model)", report, StringComparison.Ordinal);
        var inputTokens = judgments.Length * 1_000 + 2_000;
        var outputTokens = judgments.Length * 100 + 300;
        Assert.Contains($"| LLM tokens | {inputTokens:N0} in, {outputTokens:N0} out (≈ ${(inputTokens * 0.01m + outputTokens * 0.03m) / 1000m:0.000}) |", report, StringComparison.Ordinal);

        var card = await File.ReadAllTextAsync(Path.Combine(_out, "scorecard.json"));
        Assert.True(JsonDocument.Parse(card).RootElement.ValueKind == JsonValueKind.Object);
    }

    /// <summary>The knowledge areas the judge listed in its system message.</summary>
    private static string[] Areas(RecordedChatRequest request) =>
        [.. request.MessageText("system").Split("## Knowledge areas a complete answer covers\n")[1].Split("\n\n")[0]
            .Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..])];

    private static string FencedAnswer(RecordedChatRequest request) =>
        FencePattern().Match(request.MessageText("user")).Groups["answer"].Value;

    [GeneratedRegex(@"<<<CANDIDATE_ANSWER [0-9A-F]+\n(?<answer>.*)\nCANDIDATE_ANSWER [0-9A-F]+>>>", RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
