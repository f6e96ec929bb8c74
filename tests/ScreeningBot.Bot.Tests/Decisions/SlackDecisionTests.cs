using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Tests.Slack;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>Decision buttons on a Slack scorecard, over HTTP: a signed <c>block_actions</c> click, the decision stored, <c>chat.update</c> of the message.</summary>
public sealed class SlackDecisionTests
{
    private const string ScorecardTs = "1800000000.000100";

    [Fact]
    public async Task RejectClick_ByARecruiter_StoresTheDecisionAndUpdatesTheMessage()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        var response = await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, "reject", harness.Slack.ResponseUrl("r1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard");
        Assert.Equal(SlackBotHarness.HiringChannel, update.Channel);
        Assert.Equal(ScorecardTs, update.Body["ts"]!.GetValue<string>());
        Assert.Contains("Rejected by", update.BlockText, StringComparison.Ordinal);
        Assert.Contains(update.Blocks, b => (string?)b!["block_id"] == "decision|" + DecisionTestData.InterviewId);
        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:r1", SlackBotHarness.Deadline, "the answer to the clicker");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        var history = await harness.Bot.Services.DecisionsAsync();
        Assert.Equal(HiringDecision.Reject, history.Current?.Decision);
        Assert.Equal(SlackBotHarness.Recruiter, history.Current?.ById);
    }

    [Fact]
    public async Task AdvanceClick_BySomeoneNotARecruiter_IsRefusedToThemAloneAndChangesNothing()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, "USAM", "advance", harness.Slack.ResponseUrl("r2")));

        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:r2", SlackBotHarness.Deadline, "the refusal");
        Assert.Contains("only recruiters", answer.Text + answer.BlockText, StringComparison.Ordinal);
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method is "chat.update" or "chat.postMessage");
        var history = await harness.Bot.Services.DecisionsAsync();
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task AdvanceClick_PreviewsFeedbackWithAConfirmButton_AndOnlyARecruitersConfirmSendsItOnce()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);
        var store = harness.Bot.Services.GetRequiredService<IDecisionStore>();

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, "advance", harness.Slack.ResponseUrl("d1")));

        await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard");
        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d1", SlackBotHarness.Deadline, "the decision's answer with the preview");
        var decided = (await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Current!;
        Assert.Equal(HiringDecision.Advance, decided.Decision);
        Assert.Contains("would get (not sent)", answer.BlockText, StringComparison.Ordinal);
        var confirmBlock = answer.Blocks.OfType<JsonObject>().Single(b => (string?)b["block_id"] == DecisionPanel.SlackFeedbackBlockId);
        var value = confirmBlock["elements"]![0]!["value"]!.GetValue<string>();
        Assert.Equal(DecisionTestData.InterviewId + "|" + decided.Id, value);
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        var preview = new SlackApiCall("response_url:d1", new JsonObject { ["channel"] = SlackBotHarness.HiringChannel, ["text"] = answer.Text, ["blocks"] = answer.Blocks.DeepClone() }, null, "application/json", answer.Sequence);

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", "USAM", value, harness.Slack.ResponseUrl("d2")));
        var refusal = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d2", SlackBotHarness.Deadline, "the refusal of a non-recruiter's confirm");
        Assert.Contains("only recruiters", refusal.Text + refusal.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        Assert.DoesNotContain((await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Notes, n => n.Source == DecisionService.FeedbackSource);

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", SlackBotHarness.Recruiter, value, harness.Slack.ResponseUrl("d3")));
        var sent = await harness.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm, SlackBotHarness.Deadline, "the feedback in the candidate's DM");
        Assert.Contains("Jane", sent.Text + sent.BlockText, StringComparison.Ordinal);
        var done = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d3", SlackBotHarness.Deadline, "the confirmation to the recruiter");
        Assert.Contains("the feedback about the decision (advance", done.Text + done.BlockText, StringComparison.Ordinal);

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", SlackBotHarness.Recruiter, value, harness.Slack.ResponseUrl("d4")));
        var again = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d4", SlackBotHarness.Deadline, "the refusal of a second send");
        Assert.Contains("already went to", again.Text + again.BlockText, StringComparison.Ordinal);
        Assert.Single(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        Assert.Single((await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Notes, n => n.Source == DecisionService.FeedbackSource);
    }

    private const string CandidateDm = "D-candidate";

    private static Task<Interview> SeedAsync(SlackBotHarness harness)
    {
        var hiring = new ConversationAddress { ChannelId = "slack", ConversationId = SlackBotHarness.HiringChannel };
        var dm = new ConversationAddress { ChannelId = "slack", ConversationId = CandidateDm };
        return harness.Bot.Services.SeedFinishedAsync(hiring, ScorecardTs, candidateConversation: dm);
    }

    /// <summary>The scorecard as the bot posted it (its decision blocks are what the click comes from).</summary>
    private static SlackApiCall PostedScorecard()
    {
        var body = new JsonObject
        {
            ["channel"] = SlackBotHarness.HiringChannel,
            ["text"] = "Scorecard",
            ["blocks"] = DecisionPanel.SlackBlocks(DecisionTestData.InterviewId, DecisionHistory.Empty),
        };
        return new SlackApiCall("chat.postMessage", body, null, "application/json", 1);
    }
}
