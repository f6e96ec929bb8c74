using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

/// <summary>
/// The whole Slack journey over HTTP: a recruiter's <c>/screen</c>, the interview in the candidate's DM through
/// <c>message.im</c> events and button clicks, and the Block Kit scorecard in the hiring channel.
/// </summary>
public sealed class SlackEndToEndTests
{
    private const string Candidate = "UJANE";
    private const int MaxTurns = 80;
    private static readonly string CandidateDm = FakeSlackApi.DirectMessageChannel(Candidate);

    [Fact]
    public async Task Screen_FullJourney_PostsABlockKitScorecardToTheHiringChannel()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");
        var answers = RehearsalAnswers.Parse(
            "backend-senior-strong.yaml",
            await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml")),
            out var error) ?? throw new InvalidOperationException(error);

        // The recruiter types /screen in the hiring channel.
        var ack = await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite"), "rita"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var confirmation = await sut.WaitForAsync(c => c.Method == "response_url:invite", "the invitation confirmation");
        Assert.Contains("Invited @Jane Doe to the *Senior Backend Developer* screen", SlackMrkdwn.Unescape(confirmation.BlockText), StringComparison.Ordinal);
        Assert.Equal("ephemeral", (string?)confirmation.Body["response_type"]);
        Assert.Contains(sut.Slack.Calls, c => c.Method == "conversations.open" && (string?)c.Body["users"] == Candidate);

        // The welcome and the consent question reach Jane's DM, consent with buttons; she clicks Yes.
        var consent = await NextPromptAsync(sut, afterSequence: -1);
        Assert.Equal("consent", PromptQuestionId(consent));
        Assert.Contains(sut.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm && c.BlockText.Contains("Hi Jane", StringComparison.Ordinal));
        var consentTs = sut.Slack.TsOf(consent);
        Assert.Equal(HttpStatusCode.OK, (await sut.SendAsync(sut.Requests.Click(consent, consentTs, Candidate, "yes", sut.Slack.ResponseUrl("click")))).StatusCode);
        var update = await sut.WaitForAsync(c => c.Method == "chat.update" && (string?)c.Body["ts"] == consentTs, "the consent message updated");
        Assert.DoesNotContain(update.Blocks, b => (string?)b!["type"] == "actions");
        Assert.Contains("You chose: *Yes*", update.BlockText, StringComparison.Ordinal);
        _ = answers.Next("consent");

        // Every later question is answered by typing in the DM (message.im), from the rehearsal script.
        var prompt = consent;
        SlackApiCall? scorecard = null;
        for (var turn = 0; turn < MaxTurns && scorecard is null; turn++)
        {
            var next = await NextPromptOrScorecardAsync(sut, prompt.Sequence);
            if (next.Channel == SlackBotHarness.HiringChannel)
            {
                scorecard = next;
                break;
            }

            prompt = next;
            var questionId = PromptQuestionId(prompt);
            var answer = answers.Next(questionId) ?? throw new InvalidOperationException($"The rehearsal script has no answer for '{questionId}'.");
            Assert.Equal(HttpStatusCode.OK, (await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, answer))).StatusCode);
        }

        Assert.NotNull(scorecard);
        Assert.Equal("header", (string?)scorecard.Blocks[0]!["type"]);
        var header = (string)scorecard.Blocks[0]!["text"]!["text"]!;
        Assert.Matches(@"(Strong Yes|Yes|Maybe|No) · \d{1,3}/100 · Jane Doe", header);
        Assert.Contains("*Composite score*", scorecard.BlockText, StringComparison.Ordinal);
        Assert.Contains("*Rubric dimensions*", scorecard.BlockText, StringComparison.Ordinal);
        Assert.Contains("*Knockouts*", scorecard.BlockText, StringComparison.Ordinal);
        Assert.StartsWith("Scorecard:", scorecard.Text, StringComparison.Ordinal);
        Assert.InRange(scorecard.Blocks.Count, 1, BlockKitLimits.BlocksPerMessage);
        Assert.Equal("Bearer " + FakeSlackApi.BotToken, scorecard.Authorization);

        // Every message to Jane went to her DM; nothing of hers reached the hiring channel but the scorecard.
        Assert.All(sut.Slack.Calls.Where(c => c.Method == "chat.postMessage" && c.Channel != CandidateDm), c => Assert.Equal(SlackBotHarness.HiringChannel, c.Channel));
    }

    [Fact]
    public async Task Screen_CandidateWithAHostileDisplayName_ConfirmationShowsItAsTypedWithNoLinkMentionOrFormatting()
    {
        const string Hostile = "Mallory " + Rendering.ScorecardFixtures.Payload;
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, Hostile);

        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|mallory> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));

        var confirmation = await sut.WaitForAsync(c => c.Method == "response_url:invite", "the invitation confirmation");
        Assert.All(new[] { confirmation.BlockText, confirmation.Text }, text =>
        {
            Assert.DoesNotContain("<", text, StringComparison.Ordinal);
            Assert.DoesNotContain("*urgent*", text, StringComparison.Ordinal);
            Assert.DoesNotContain("_now_", text, StringComparison.Ordinal);
            Assert.DoesNotContain("`code`", text, StringComparison.Ordinal);
        });
        var shown = SlackMrkdwn.Unescape(confirmation.BlockText.Replace(SlackMrkdwn.ZeroWidthSpace.ToString(), string.Empty, StringComparison.Ordinal));
        Assert.Contains($"Invited @{Hostile} to the *Senior Backend Developer* screen", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Screen_StaleButtonClick_IsNotTakenAsTheAnswerToTheCurrentQuestion()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        var consent = await NextPromptAsync(sut, afterSequence: -1);
        var consentTs = sut.Slack.TsOf(consent);

        // Jane types her consent instead of clicking; the next question arrives.
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes"));
        var next = await NextPromptAsync(sut, consent.Sequence);
        Assert.NotEqual("consent", PromptQuestionId(next));

        // A late click on the old consent button must not answer the new question.
        await sut.SendAsync(sut.Requests.Click(consent, consentTs, Candidate, "no", sut.Slack.ResponseUrl("stale")));
        var hint = await sut.WaitForAsync(c => c.Method == "response_url:stale", "the stale-click hint");
        Assert.Equal(TurnText.StaleClick, hint.Text);
        Assert.Equal("ephemeral", (string?)hint.Body["response_type"]);
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Sequence > next.Sequence && c.Method == "chat.postMessage" && c.Channel == CandidateDm);
    }

    [Theory]
    [InlineData("TOTHER", SlackRequestBuilder.AppId, FakeSlackApi.TeamId, null)]
    [InlineData(FakeSlackApi.TeamId, "AOTHERAPP", FakeSlackApi.TeamId, null)]
    [InlineData("T0THIRD", SlackRequestBuilder.AppId, "T0SECOND", "T0SECOND")]
    public async Task Screen_MessageFromAnotherWorkspaceOrApp_IsIgnored(string foreignTeam, string foreignApp, string ownTeam, string? secondTeam)
    {
        var settings = new Dictionary<string, string?> { ["Slack:AppId"] = SlackRequestBuilder.AppId };
        if (secondTeam is not null)
        {
            settings["Slack:TeamIds:0"] = FakeSlackApi.TeamId;
            settings["Slack:TeamIds:1"] = secondTeam;
        }

        await using var sut = await SlackBotHarness.StartAsync(settings);
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        var consent = await NextPromptAsync(sut, afterSequence: -1);

        // "No" from elsewhere would end the screen; the "yes" from a workspace the bot serves must be what counts.
        var foreign = await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "no", teamId: foreignTeam, appId: foreignApp));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes", teamId: ownTeam));

        var next = await NextPromptAsync(sut, consent.Sequence);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.NotEqual("consent", PromptQuestionId(next));
    }

    [Fact]
    public async Task Screen_NoTeamIdsConfigured_ServesTheBotTokensOwnWorkspaceOnly()
    {
        await using var sut = await SlackBotHarness.StartAsync(new Dictionary<string, string?> { ["Slack:TeamIds:0"] = null });
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        var consent = await NextPromptAsync(sut, afterSequence: -1);

        var foreign = await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "no", teamId: "TOTHER"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes"));

        var next = await NextPromptAsync(sut, consent.Sequence);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.NotEqual("consent", PromptQuestionId(next));
        Assert.Contains(sut.Slack.Calls, c => c.Method == "auth.test");
    }

    [Fact]
    public async Task Screen_ButtonClickFromAnotherWorkspace_IsIgnored()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");
        await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("invite")));
        var consent = await NextPromptAsync(sut, afterSequence: -1);

        // "No" from another workspace would end the screen; Jane's own "yes" must be what counts.
        var foreign = await sut.SendAsync(sut.Requests.Click(consent, sut.Slack.TsOf(consent), Candidate, "no", sut.Slack.ResponseUrl("foreign"), teamId: "TOTHER"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "yes"));

        var next = await NextPromptAsync(sut, consent.Sequence);
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.NotEqual("consent", PromptQuestionId(next));
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Method is "chat.update" or "response_url:foreign");
    }

    private static Task<SlackApiCall> NextPromptAsync(SlackBotHarness sut, int afterSequence) =>
        sut.WaitForAsync(c => c.Sequence > afterSequence && c.Method == "chat.postMessage" && c.Channel == CandidateDm && PromptQuestionId(c) is not null, "the next question to the candidate");

    private static Task<SlackApiCall> NextPromptOrScorecardAsync(SlackBotHarness sut, int afterSequence) =>
        sut.WaitForAsync(
            c => c.Sequence > afterSequence && c.Method == "chat.postMessage"
                && ((c.Channel == CandidateDm && PromptQuestionId(c) is not null) || c.Channel == SlackBotHarness.HiringChannel),
            "the next question or the scorecard");

    /// <summary>The question id the bot tagged the message's first block with (<c>prompt|{id}</c>), or null for plain messages.</summary>
    private static string? PromptQuestionId(SlackApiCall call) =>
        call.Blocks.OfType<JsonObject>().Select(b => (string?)b["block_id"]).FirstOrDefault(id => id?.StartsWith(BlockKitRenderer.PromptBlockPrefix, StringComparison.Ordinal) == true)?[BlockKitRenderer.PromptBlockPrefix.Length..];
}
