using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

public sealed class LlmScorecardNarratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private const string IncidentText = "I was on-call when the payments queue stalled. I wrote the postmortem and we cut detection time from 25 minutes to 2 minutes.";

    [Fact]
    public async Task NarrateAsync_ValidNarrative_ReplacesOnlyTheNarrativeAndAddsUsage()
    {
        var (interview, transcript, template) = Screen();
        var chat = Narrative(
            summary: $"The candidate completed the screen with {template.CompositeScore}/100 and a {template.Recommendation.ToDisplay()} recommendation.",
            strengths: ["Clear account of an on-call incident with a postmortem"],
            risks: ["Little detail on API versioning"],
            nextStep: "Invite the candidate to the technical interview.",
            rationale: "The candidate said “I wrote the postmortem” and answered every question at a solid depth.");
        var sut = CreateSut(chat);

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.StartsWith("The candidate completed the screen with", narrated.Summary, StringComparison.Ordinal);
        Assert.Equal(["Clear account of an on-call incident with a postmortem"], narrated.Strengths);
        Assert.Equal(["Little detail on API versioning"], narrated.Risks);
        Assert.Equal("Invite the candidate to the technical interview.", narrated.SuggestedNextStep);
        Assert.Contains("I wrote the postmortem", narrated.Rationale, StringComparison.Ordinal);
        Assert.Equal(template.CompositeScore, narrated.CompositeScore);
        Assert.Equal(template.Recommendation, narrated.Recommendation);
        Assert.Equal(template.Dimensions, narrated.Dimensions);
        Assert.Equal(template.NotableQuotes, narrated.NotableQuotes);
        Assert.Equal((template.LlmInputTokens + 1_000, template.LlmOutputTokens + 200), (narrated.LlmInputTokens, narrated.LlmOutputTokens));
        var expectedCost = Math.Round(((template.LlmInputTokens + 1_000) * 0.005m + (template.LlmOutputTokens + 200) * 0.015m) / 1000m, 4);
        Assert.Equal(expectedCost, narrated.EstimatedCostUsd);
        Assert.Contains("narrative by the LLM (test-model)", narrated.JudgeDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The candidate scored 97/100 and is an outstanding hire.", "an invented number")]
    [InlineData("The candidate said “I built Google's cache” and scored well.", "a quotation the candidate never said")]
    [InlineData("See <a href=x>this</a> for the result.", "markup")]
    [InlineData("Details at https://example.test/report for the recruiter.", "a link")]
    public async Task NarrateAsync_SummaryThatFailsAGuard_KeepsTheTemplateSummary(string summary, string why)
    {
        var (interview, transcript, template) = Screen();
        var sut = CreateSut(Narrative(summary: summary));

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.True(narrated.Summary == template.Summary, why);
        Assert.Equal("Invite the candidate to the technical interview.", narrated.SuggestedNextStep);
    }

    [Fact]
    public async Task NarrateAsync_StrengthWithInventedFigure_OnlyThatItemIsDropped()
    {
        var (interview, transcript, template) = Screen();
        var sut = CreateSut(Narrative(strengths: ["Handled 10000 requests per second", "Owns incidents end to end"]));

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.Equal(["Owns incidents end to end"], narrated.Strengths);
    }

    [Fact]
    public async Task NarrateAsync_InjectionRiskInTheTemplate_IsKeptWhateverTheModelWrites()
    {
        var (interview, transcript, template) = Screen(injection: true);
        Assert.Contains(ScorecardBuilder.InjectionRisk, template.Risks);
        var sut = CreateSut(Narrative(risks: ["Little detail on API versioning"]));

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.Equal([ScorecardBuilder.InjectionRisk, "Little detail on API versioning"], narrated.Risks);
    }

    [Fact]
    public async Task NarrateAsync_ModelFails_KeepsTheTemplateAndSaysSo()
    {
        var (interview, transcript, template) = Screen();
        var chat = new FakeChatClient { GetResponseAsyncCallback = (_, _, _) => throw new HttpRequestException("connection refused") };
        var sut = CreateSut(chat);

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.Equal(template.Summary, narrated.Summary);
        Assert.Equal(template.Risks, narrated.Risks);
        Assert.Null(narrated.Rationale);
        Assert.Contains("narrative from the offline template (LLM unavailable)", narrated.JudgeDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_BudgetAlreadySpent_DoesNotCallTheModel()
    {
        var (interview, transcript, template) = Screen();
        var chat = Narrative();
        var sut = CreateSut(chat);

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template with { LlmInputTokens = 100_000 }, transcript, CancellationToken.None);

        Assert.Empty(chat.Calls);
        Assert.Contains("budget", narrated.JudgeDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_NothingWasJudged_DoesNotCallTheModel()
    {
        var (interview, transcript, template) = Screen();
        var knockedOut = interview with { Record = interview.Record with { Answers = [], Status = InterviewStatus.KnockedOut } };
        var chat = Narrative();

        var narrated = await CreateSut(chat).NarrateAsync(SampleProfiles.Backend, knockedOut, template, transcript, CancellationToken.None);

        Assert.Empty(chat.Calls);
        Assert.Equal(template.Summary, narrated.Summary);
    }

    [Fact]
    public async Task NarrateAsync_Request_SystemMessageHoldsNoCandidateTextAndFactsAreFenced()
    {
        var (interview, transcript, template) = Screen();
        var chat = Narrative();

        await CreateSut(chat).NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        var (messages, options) = Assert.Single(chat.Calls);
        var system = messages[0];
        Assert.Equal(ChatRole.System, system.Role);
        Assert.DoesNotContain("postmortem", system.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Jane", string.Concat(messages.Select(m => m.Text)), StringComparison.Ordinal);
        var user = messages[1].Text;
        Assert.Matches(@"<<<SCORECARD_FACTS [0-9A-F]{16}\n\{.*\}\nSCORECARD_FACTS [0-9A-F]{16}>>>", user.Replace("\r", string.Empty, StringComparison.Ordinal));
        Assert.Contains($"\"compositeScore\":{template.CompositeScore}", user, StringComparison.Ordinal);
        Assert.IsType<ChatResponseFormatJson>(options!.ResponseFormat);
    }

    [Fact]
    public async Task NarrateAsync_WireRequest_ToneAndCompanyInstructionsAreSystemConfigurationNeverInsideTheFacts()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Enqueue(ChatCompletionReply.Narrative());
        var profile = SampleProfiles.Backend with
        {
            Tone = "concise; plain English, no superlatives",
            CompanyInstructions = "Acme Payments moves money for small shops; never discuss salary bands.",
        };
        var (interview, transcript, template) = Screen();
        var options = JudgeTestData.OptionsFor(server);
        var sut = new LlmScorecardNarrator(LlmChatClientFactory.Create(options), options, TimeProvider.System, NullLogger<LlmScorecardNarrator>.Instance);

        await sut.NarrateAsync(profile, interview, template, transcript, CancellationToken.None);

        var request = Assert.Single(server.Requests);
        Assert.True(request.IsNarrative, request.Body);
        var system = request.MessageText("system");
        Assert.Contains("## Tone (configuration from the hiring team): concise; plain English, no superlatives", system, StringComparison.Ordinal);
        Assert.Contains("(configuration from the hiring team)\nAcme Payments moves money for small shops; never discuss salary bands.", system.Replace("\r", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("## Never mention: age; religion.", system, StringComparison.Ordinal);
        Assert.DoesNotContain("postmortem", system, StringComparison.OrdinalIgnoreCase);
        var user = request.MessageText("user");
        Assert.Contains($"\"compositeScore\":{template.CompositeScore}", user, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme Payments", user, StringComparison.Ordinal);
        Assert.DoesNotContain("no superlatives", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_ProfileWithoutToneOrInstructions_SystemMessageIsTheRulesAlone()
    {
        var profile = SampleProfiles.Backend with { Tone = string.Empty, CompanyInstructions = string.Empty, BannedTopics = [] };
        var (interview, transcript, template) = Screen();
        var chat = Narrative();

        await CreateSut(chat).NarrateAsync(profile, interview, template, transcript, CancellationToken.None);

        var system = Assert.Single(chat.Calls).Messages[0].Text;
        Assert.DoesNotContain("configuration from the hiring team", system, StringComparison.Ordinal);
        Assert.DoesNotContain("Never mention", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NarrateAsync_FieldsTouchingABannedTopic_FallBackToTheTemplateAndAreLoggedWithoutTheirText()
    {
        var (interview, transcript, template) = Screen();
        var logger = new FakeLogger<LlmScorecardNarrator>();
        var chat = Narrative(
            summary: "A solid screen, though his religion may clash with the on-call rota.",
            strengths: ["Owns incidents end to end", "Energetic for his age"],
            risks: ["Little detail on API versioning", "Religion could limit weekend work"],
            nextStep: "Ask about his age in the technical interview.",
            rationale: "Every answer was judged at a solid depth.");
        var sut = new LlmScorecardNarrator(chat, JudgeTestData.Options(), TimeProvider.System, logger);

        var narrated = await sut.NarrateAsync(SampleProfiles.Backend, interview, template, transcript, CancellationToken.None);

        Assert.Equal(template.Summary, narrated.Summary);
        Assert.Equal(template.SuggestedNextStep, narrated.SuggestedNextStep);
        Assert.Equal(["Owns incidents end to end"], narrated.Strengths);
        Assert.Equal(["Little detail on API versioning"], narrated.Risks);
        Assert.Equal("Every answer was judged at a solid depth.", narrated.Rationale);
        var records = logger.Collector.GetSnapshot();
        Assert.Contains(records, r => r.Message.Contains("summary rejected (touches a banned topic)", StringComparison.Ordinal));
        Assert.Contains(records, r => r.Message.Contains("suggestedNextStep rejected (touches a banned topic)", StringComparison.Ordinal));
        Assert.DoesNotContain(records, r => r.Message.Contains("on-call rota", StringComparison.Ordinal) || r.Message.Contains("Energetic", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Managed the storage migration alone.", null)]
    [InlineData("Talked about the agent's health checks.", null)]
    [InlineData("Mentioned his religion twice.", "touches a banned topic")]
    [InlineData("Seems young for the AGE of the team.", "touches a banned topic")]
    public void NarrativeGuard_BannedTopic_MatchedAsAWholeWord(string text, string? problem)
    {
        var sut = new LlmScorecardNarrator.NarrativeGuard("{}", string.Empty, ["age", "religion"]);

        Assert.Equal(problem, sut.Problem(text, 500));
    }

    [Fact]
    public void NarrativeGuard_NumbersFromTheFacts_Accepted()
    {
        var sut = new LlmScorecardNarrator.NarrativeGuard("""{"compositeScore":58,"confidence":0.72,"score":7.5}""", "We cut it from 25 minutes to 2 minutes.");

        Assert.Null(sut.Problem("Scored 58/100 with confidence 0.72 and 7.50 on depth.", 500));
        Assert.Null(sut.Problem("The candidate said “from 25 minutes to 2 minutes”.", 500));
        Assert.Equal("the number 59 is not in the facts", sut.Problem("Scored 59/100.", 500));
        Assert.Equal("a quotation that is not verbatim", sut.Problem("They said \"from 25 minutes to 1 minute\".", 500));
    }

    private static LlmScorecardNarrator CreateSut(FakeChatClient chat) =>
        new(chat, JudgeTestData.Options(), TimeProvider.System, NullLogger<LlmScorecardNarrator>.Instance);

    private static FakeChatClient Narrative(
        string summary = "The candidate completed the screen and answered every question.",
        IReadOnlyList<string>? strengths = null,
        IReadOnlyList<string>? risks = null,
        string nextStep = "Invite the candidate to the technical interview.",
        string rationale = "Every answer was judged at a solid depth.") =>
        FakeChatClient.Returning(
            JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["summary"] = summary,
                ["strengths"] = strengths ?? ["Owns incidents end to end"],
                ["risks"] = risks ?? ["Little detail on API versioning"],
                ["suggestedNextStep"] = nextStep,
                ["rationale"] = rationale,
            }),
            inputTokens: 1_000,
            outputTokens: 200);

    /// <summary>A completed LLM-judged screen on <see cref="SampleProfiles.Backend"/>, its transcript and template scorecard.</summary>
    private static (Interview Interview, List<TranscriptTurn> Transcript, Scorecard Template) Screen(bool injection = false)
    {
        var screen = new FinishedScreen(Start);
        foreach (var id in new[] { "api", "incident", "cache", "cache.f1", "cache.f2" })
        {
            var text = id == "incident" ? IncidentText : $"A detailed answer about {id}. We measured p95 latency at 120 ms and kept an SLO on it.";
            var kind = id switch { "api" or "incident" => QuestionKind.Custom, "cache" => QuestionKind.Blueprint, _ => QuestionKind.BlueprintFollowUp };
            var flags = injection && id == "api" ? [new RedFlag(RedFlag.PromptInjection, "aimed at the grader")] : Array.Empty<RedFlag>();
            var judgment = Judgment.Create(3.5, 3, redFlags: flags, evidenceQuote: text.Split('.')[0], judgedBy: JudgeKind.Llm) with { InputTokens = 400, OutputTokens = 90 };
            screen.Answer(id, kind, Phase.CustomQuestions, text, judgment);
        }

        var interview = screen.Interview(SampleProfiles.Backend.Id, TimeSpan.FromMinutes(30), [new KnockoutResult("api-years", "5", true), new KnockoutResult("start-date", "2026-12-01", true)]);
        var transcript = screen.Transcript;
        return (interview, transcript, ScorecardBuilder.Build(SampleProfiles.Backend, interview, transcript));
    }
}
