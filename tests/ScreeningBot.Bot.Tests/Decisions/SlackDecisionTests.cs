using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
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
        var history = await harness.Bot.Services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
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
        var history = await harness.Bot.Services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
        Assert.Empty(history.Entries);
    }

    private static Task<Interview> SeedAsync(SlackBotHarness harness)
    {
        var services = harness.Bot.Services;
        var hiring = new ConversationAddress { ChannelId = "slack", ConversationId = SlackBotHarness.HiringChannel };
        return DecisionTestData.SeedFinishedAsync(services.GetRequiredService<IInterviewStore>(), services.GetRequiredService<IReportStore>(), hiring, ScorecardTs);
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
