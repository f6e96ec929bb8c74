using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Tests.Rendering;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>Decision buttons on a Teams scorecard, over HTTP: an <c>Action.Execute</c> invoke, the decision stored, the card PUT in place.</summary>
public sealed class TeamsDecisionTests
{
    private const string CardId = "1733586000000";

    private static readonly string CandidateChat = TeamsActivities.PersonalConversationId(TeamsUser.Candidate);

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
        Assert.Null(Element(update.Card, "feedback"));
        Assert.Null(Element(update.Card, "feedback-send"));
        Assert.Contains(runs, r => r.Contains("TextRun", StringComparison.Ordinal) && r.Contains("ask about \\u003Cat\\u003Eon-call\\u003C/at\\u003E load", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AdvanceClick_PutsTheFeedbackPreviewAndSendButtonOnTheCard_AndOnlyARecruitersClickSendsItOnce()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        await SeedAsync(bot);
        var decided = await ToastAsync(await bot.PostAsync(Click(bot, TeamsUser.Recruiter, "advance")));

        Assert.Contains("Advanced", decided, StringComparison.Ordinal);
        Assert.DoesNotContain("would get", decided, StringComparison.Ordinal);
        var decision = (await bot.Factory.Services.DecisionsAsync()).Current!;
        Assert.Equal(HiringDecision.Advance, decision.Decision);
        var previewCard = Assert.Single(bot.Connector.Requests, r => r.Operation == "update").Card!;
        Assert.Empty(AdaptiveCardSchemaTests.Validate(previewCard));
        var preview = Runs(Element(previewCard, "feedback")!);
        Assert.Equal("Feedback Jane Doe would get (not sent):", preview[0]);
        Assert.StartsWith("Hello Jane, thank you for completing the screening chat for the ", preview[1], StringComparison.Ordinal);
        var send = Assert.Single(Element(previewCard, "feedback-send")!["actions"]!.AsArray())!;
        Assert.Equal("Action.Execute", (string?)send["type"]);
        Assert.Equal("Send feedback", (string?)send["title"]);
        Assert.Equal(DecisionPanel.FeedbackValue, (string?)send["data"]![DecisionPanel.Verb]);
        Assert.Equal(decision.Id, (string?)send["data"]![DecisionPanel.DecisionIdKey]);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == "send" && r.ConversationId == CandidateChat);

        var refused = await ToastAsync(await bot.PostAsync(FeedbackClick(bot, TeamsUser.Stranger, decision.Id)));

        Assert.Contains("only recruiters", refused, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == "send" && r.ConversationId == CandidateChat);
        Assert.Single(bot.Connector.Requests, r => r.Operation == "update");
        Assert.DoesNotContain((await bot.Factory.Services.DecisionsAsync()).Notes, n => n.Source == DecisionService.FeedbackSource);

        var sent = await ToastAsync(await bot.PostAsync(FeedbackClick(bot, TeamsUser.Recruiter, decision.Id)));

        Assert.Contains("Sent Jane Doe the feedback about the decision (advanced)", sent, StringComparison.Ordinal);
        var delivered = Assert.Single(bot.Connector.Requests, r => r.Operation == "send" && r.ConversationId == CandidateChat);
        Assert.Equal(string.Join("\n\n", preview.Skip(1)), delivered.Text);
        var updates = bot.Connector.Requests.Where(r => r.Operation == "update").ToList();
        Assert.Equal(2, updates.Count);
        Assert.Equal(CardId, updates[1].ActivityId);
        var sentCard = updates[1].Card!;
        Assert.Empty(AdaptiveCardSchemaTests.Validate(sentCard));
        var note = Assert.Single((await bot.Factory.Services.DecisionsAsync()).Notes, n => n.Source == DecisionService.FeedbackSource);
        Assert.Equal([$"Feedback sent to Jane Doe by Rita Recruiter on {DecisionPanel.When(note.At)}."], Runs(Element(sentCard, "feedback")!));
        Assert.Null(Element(sentCard, "feedback-send"));

        var again = await ToastAsync(await bot.PostAsync(FeedbackClick(bot, TeamsUser.Recruiter, decision.Id)));

        Assert.Contains("already went to Jane Doe (Rita Recruiter, ", again, StringComparison.Ordinal);
        Assert.Single(bot.Connector.Requests, r => r.Operation == "send" && r.ConversationId == CandidateChat);
        Assert.Equal(2, bot.Connector.Requests.Count(r => r.Operation == "update"));
    }

    [Fact]
    public async Task FeedbackClick_OnThePreviewOfADecisionChangedSince_SendsNothing()
    {
        await using var bot = await TeamsBotHarness.StartAsync();
        await SeedAsync(bot);
        await bot.PostAsync(Click(bot, TeamsUser.Recruiter, "advance"));
        var advanced = (await bot.Factory.Services.DecisionsAsync()).Current!;
        await bot.PostAsync(Click(bot, TeamsUser.Recruiter, "reject"));

        var stale = await ToastAsync(await bot.PostAsync(FeedbackClick(bot, TeamsUser.Recruiter, advanced.Id)));

        Assert.Contains("changed since that preview; nothing was sent", stale, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.Requests, r => r.Operation == "send" && r.ConversationId == CandidateChat);
        var rejectedCard = bot.Connector.Requests.Last(r => r.Operation == "update").Card!;
        Assert.StartsWith("Hello Jane, thank you for the time you gave", Runs(Element(rejectedCard, "feedback")!)[1], StringComparison.Ordinal);
        Assert.NotEqual(advanced.Id, (string?)Element(rejectedCard, "feedback-send")!["actions"]![0]!["data"]![DecisionPanel.DecisionIdKey]);
    }

    private static async Task<string> ToastAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        return body["value"]!.GetValue<string>();
    }

    /// <summary>The card body element with <paramref name="id"/>, or null.</summary>
    private static JsonObject? Element(JsonObject card, string id) =>
        card["body"]!.AsArray().OfType<JsonObject>().SingleOrDefault(e => (string?)e["id"] == id);

    /// <summary>The text of every text run in <paramref name="container"/>, in order.</summary>
    private static List<string> Runs(JsonObject container) =>
        [.. container["items"]!.AsArray().OfType<JsonObject>().SelectMany(i => i["inlines"]?.AsArray().OfType<JsonObject>() ?? []).Select(r => (string)r["text"]!)];

    /// <summary>A click on the card's "Send feedback" button, as Teams sends it.</summary>
    private static JsonObject FeedbackClick(TeamsBotHarness bot, TeamsUser from, string decisionId)
    {
        var activity = Click(bot, from, DecisionPanel.FeedbackValue);
        activity["value"]!["action"]!["data"]![DecisionPanel.DecisionIdKey] = decisionId;
        return activity;
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
        var chat = hiring with { ConversationId = CandidateChat, ViaBotFramework = true };
        return bot.Factory.Services.SeedFinishedAsync(hiring, CardId, candidateConversation: chat);
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
