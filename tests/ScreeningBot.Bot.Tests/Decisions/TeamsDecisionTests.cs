using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>Decision buttons on a Teams scorecard, over HTTP: an <c>Action.Execute</c> invoke, the decision stored, the card PUT in place.</summary>
public sealed class TeamsDecisionTests
{
    private const string CardId = "1733586000000";

    [Fact]
    public async Task AdvanceClick_ByARecruiter_StoresTheDecisionAndUpdatesTheCardForEveryone()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        await SeedAsync(bot);

        var response = await bot.PostAsync(Click(bot, TeamsUser.Recruiter, "advance", note: "great systems depth"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
        Assert.Contains("Advanced", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        var update = Assert.Single(bot.Connector.Requests, r => r.Operation == "update");
        Assert.Equal("PUT", update.Method);
        Assert.Equal(CardId, update.ActivityId);
        Assert.Equal($"{TeamsActivities.ChannelId};messageid={CardId}", update.ConversationId);
        var card = update.Card!.ToJsonString();
        Assert.Contains("Advanced by Rita Recruiter on ", card, StringComparison.Ordinal);
        Assert.Contains("Reason: great systems depth", card, StringComparison.Ordinal);
        Assert.Contains("\"Action.Execute\"", card, StringComparison.Ordinal);
        var history = await bot.Factory.Services.DecisionsAsync();
        Assert.Equal(HiringDecision.Advance, history.Current?.Decision);
        Assert.Equal(TeamsUser.Recruiter.AadObjectId, history.Current?.ById);
        Assert.Equal("msteams card", history.Current?.Source);
    }

    [Fact]
    public async Task RejectClick_BySomeoneNotARecruiter_IsRefusedInTheToastAndChangesNothing()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        await SeedAsync(bot);

        var response = await bot.PostAsync(Click(bot, TeamsUser.Stranger, "reject"));

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains("only recruiters", body["value"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation is "update" or "send" or "reply");
        var history = await bot.Factory.Services.DecisionsAsync();
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task NoteClick_WithTheField_AddsTheNoteToTheCard()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        await SeedAsync(bot);

        await bot.PostAsync(Click(bot, TeamsUser.Recruiter, "note", note: "ask about <at>on-call</at> load"));

        var update = Assert.Single(bot.Connector.Requests, r => r.Operation == "update");
        var runs = update.Card!["body"]!.AsArray().Select(b => b?.ToJsonString() ?? string.Empty);
        Assert.Contains(runs, r => r.Contains("No decision yet", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Contains("TextRun", StringComparison.Ordinal) && r.Contains("ask about \\u003Cat\\u003Eon-call\\u003C/at\\u003E load", StringComparison.Ordinal));
    }

    private static Task<Interview> SeedAsync(TeamsBotHarness bot)
    {
        var hiring = new ConversationAddress
        {
            ChannelId = "msteams",
            ConversationId = TeamsActivities.ChannelId,
            ServiceUrl = bot.Connector.ServiceUrl,
            TenantId = TeamsActivities.TenantId,
            BotId = bot.Activities.BotAccountId,
        };
        return bot.Factory.Services.SeedFinishedAsync(hiring, CardId);
    }

    /// <summary>What Teams sends when a button of the posted scorecard is pressed: an invoke in the card's thread, replyToId the card.</summary>
    private static JsonObject Click(TeamsBotHarness bot, TeamsUser from, string decision, string? note = null)
    {
        var activity = bot.Activities.ChannelMessage(from, string.Empty);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["conversation"]!["id"] = $"{TeamsActivities.ChannelId};messageid={CardId}";
        activity["replyToId"] = CardId;
        var data = new JsonObject { ["screeningDecision"] = decision, ["interviewId"] = DecisionTestData.InterviewId };
        if (note is not null)
        {
            data["decisionNote"] = note;
        }

        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "screeningDecision", ["data"] = data } };
        return activity;
    }
}
