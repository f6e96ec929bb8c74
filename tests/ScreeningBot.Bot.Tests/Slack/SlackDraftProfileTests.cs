using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Drafting;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Tests.Drafting;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Slack;

/// <summary>
/// <c>/screen draft-profile ID</c> with a pasted job description, over HTTP with the LLM configured (loopback
/// OpenAI-compatible server): the recruiter gets the summary and the YAML through the command's response_url, every
/// message within Slack's limits and no code block cut in two, and nothing is saved.
/// </summary>
public sealed partial class SlackDraftProfileTests
{
    [Fact]
    public async Task DraftProfile_PastedDescription_AnswersTheRecruiterWithTheWholeValidYamlWithinSlacksLimits()
    {
        await using var model = await OpenAiTestServer.StartAsync();
        model.Responder = request => request.SchemaName == "LlmProfileProposal"
            ? DraftProposals.Good("senior", "rate-limiter-design", "traffic-spike-10x", "api-versioning")
            : ChatCompletionReply.Error(500);
        var settings = model.JudgeSettings().ToDictionary(s => s.Key, s => (string?)s.Value);
        await using var sut = await SlackBotHarness.StartAsync(settings);
        var description = await File.ReadAllTextAsync(ProfileDraftLlmTests.Description("go-platform.txt"));
        var expected = await sut.Bot.Services.GetRequiredService<ProfileDraftingService>().DraftAsync(description.Trim(), "api-platform-go", "a job description pasted on slack", null, CancellationToken.None);
        var messages = 1 + ProfileDraftReply.Create(expected.Draft!, "api-platform-go", "/screen").Continuations.Count;

        var ack = await sut.SendAsync(sut.Requests.Command("draft-profile api-platform-go\n" + description, SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("draft"), "rita"));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var answers = await sut.Slack.WaitForCountAsync(c => c.Method == "response_url:draft", messages, SlackBotHarness.Deadline);
        Assert.Equal(messages, answers.Count);
        Assert.All(answers, a => Assert.Equal("ephemeral", (string?)a.Body["response_type"]));
        var summary = SlackMrkdwn.Unescape(answers[0].BlockText);
        Assert.Contains("*Draft profile `api-platform-go`* by the LLM (test-model) and the question bank", summary, StringComparison.Ordinal);
        Assert.Contains("*not active*", summary, StringComparison.Ordinal);
        foreach (var answer in answers)
        {
            Assert.InRange(answer.Blocks.Count, 1, BlockKitLimits.BlocksPerMessage);
            Assert.InRange(answer.BlockText.Length, 1, BlockKitLimits.MessageCharacters);
            Assert.DoesNotContain("message shortened", answer.BlockText, StringComparison.Ordinal);
            Assert.All(answer.Blocks.Select(b => (string?)b!["text"]?["text"] ?? string.Empty), section =>
            {
                Assert.InRange(section.Length, 0, BlockKitLimits.SectionText);
                Assert.True(Regex.Count(section, "```") % 2 == 0, "a code block is cut between two sections");
            });
        }

        var yaml = string.Concat(answers.Skip(1).SelectMany(a => CodeBlock().Matches(SlackMrkdwn.Unescape(a.BlockText))).Select(m => m.Groups[1].Value + "\n"));
        var profile = ProfileLoader.Parse(yaml, "profiles/api-platform-go.yaml", TestProfiles.Catalog.Bank);
        Assert.True(profile.IsValid, string.Join('\n', profile.Errors));
        Assert.Equal(["rate-limiter-design", "traffic-spike-10x", "api-versioning"], profile.Profile!.Blueprints.Select(b => b.BankId));
        Assert.Equal(expected.Draft!.Yaml, yaml);
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Profiles, "api-platform-go.yaml")));
    }

    [GeneratedRegex("```\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
