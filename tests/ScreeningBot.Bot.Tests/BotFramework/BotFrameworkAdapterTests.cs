using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>POST /api/messages with bad input, duplicates, invokes and a storage outage; all through real HTTP with valid tokens.</summary>
public sealed class BotFrameworkAdapterTests(TeamsBotFixture fixture) : IClassFixture<TeamsBotFixture>
{
    private TeamsBotHarness Bot => fixture.Harness;

    [Theory]
    [InlineData("{ \"type\": \"message\", ", "not a valid activity")]
    [InlineData("[1, 2, 3]", "not a valid activity")]
    [InlineData("null", "not an activity")]
    [InlineData("{ \"type\": 42 }", "not a valid activity")]
    public async Task Process_MalformedJson_Returns400WithAShortJsonError(string body, string expected)
    {
        var response = await Bot.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains(expected, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_DeeplyNestedJson_Returns400()
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.PersonalMessage(user, "hi").ToJsonString();
        var nested = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);

        var response = await Bot.PostRawAsync(activity.Insert(1, $"\"value\": {nested}, "));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("type", "no 'type'")]
    [InlineData("conversation", "no 'conversation.id'")]
    [InlineData("serviceUrl", "no 'serviceUrl'")]
    public async Task Process_MissingRequiredField_Returns400AndNothingIsSent(string field, string expected)
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.BotAddedToPersonalChat(user);
        activity.Remove(field);

        var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertOnlyOneWelcomeAfterAValidDeliveryAsync(user);
    }

    [Fact]
    public async Task Process_BodyOverTheLimit_Returns413AndNothingIsSent()
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.BotAddedToPersonalChat(user);
        activity["padding"] = new string('x', 300 * 1024);

        var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        await AssertOnlyOneWelcomeAfterAValidDeliveryAsync(user);
    }

    [Fact]
    public async Task Process_SameActivityDeliveredTwice_IsProcessedOnce()
    {
        var user = TeamsBotFixture.NewUser();
        var activity = Bot.Activities.BotAddedToPersonalChat(user);

        var first = await Bot.PostAsync(activity);
        var second = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        // A third, different activity proves the duplicate's turn would have been recorded before it.
        var other = Bot.Activities.PersonalMessage(user, "hello");
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(other)).StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(user);
        var recorded = await Bot.Connector.WaitForAsync(r => r.Count(x => x.ConversationId == conversation && x.Operation == "send" && x.ActivityType == "message") >= 2, what: "the welcome and the answer");
        Assert.Single(recorded, x => x.ConversationId == conversation && x.ActivityType == "message" && x.Text!.Contains("When a recruiter invites you", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("messageReaction")]
    [InlineData("installationUpdate")]
    [InlineData("somethingNew")]
    public async Task Process_OtherActivityTypes_AreAcknowledgedWith200(string type)
    {
        var activity = Bot.Activities.PersonalMessage(TeamsBotFixture.NewUser(), "x");
        activity["type"] = type;

        var response = await Bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Process_AdaptiveCardActionInvoke_Returns200WithAnInvokeResponse()
    {
        var invoke = Bot.Activities.Invoke(TeamsBotFixture.NewUser(), "adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "answer", ["data"] = new JsonObject { ["screeningAnswer"] = "yes" } },
        });

        var response = await Bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, body["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.activity.message", body["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Process_UnknownInvoke_Returns200WithAnErrorBodyNot501()
    {
        var response = await Bot.PostAsync(Bot.Activities.Invoke(TeamsBotFixture.NewUser(), "composeExtension/query", new JsonObject()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.error", body["type"]!.GetValue<string>());
        Assert.Equal("NotSupported", body["value"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Process_BotAddedToTeam_WelcomesWithRecruiterCommands()
    {
        var response = await Bot.PostAsync(Bot.Activities.BotAddedToTeam(TeamsUser.Recruiter));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var recorded = await Bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == TeamsActivities.TeamId && x.Operation == "send"), what: "the team welcome");
        var welcome = Assert.Single(recorded, x => x.ConversationId == TeamsActivities.TeamId && x.Operation == "send");
        Assert.Contains("@Screener screen @candidate profile-id", welcome.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_StorageDown_Returns503WithRetryAfterAndTheRetryIsProcessed()
    {
        var ledger = new FlakyLedger();
        await using var bot = await TeamsBotHarness.StartAsync(configureServices: services => services.Replace(ServiceDescriptor.Singleton<IProcessedMessageLedger>(ledger)));
        var user = TeamsBotFixture.NewUser();
        var activity = bot.Activities.BotAddedToPersonalChat(user);
        ledger.FailNext = true;

        var refused = await bot.PostAsync(activity);
        var retried = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(user);
        await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.Operation == "send"), what: "the welcome after the retry");
    }

    private async Task AssertOnlyOneWelcomeAfterAValidDeliveryAsync(TeamsUser user)
    {
        Assert.Equal(HttpStatusCode.OK, (await Bot.PostAsync(Bot.Activities.BotAddedToPersonalChat(user))).StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(user);
        var recorded = await Bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.Operation == "send"), what: "the welcome");
        Assert.Single(recorded, x => x.ConversationId == conversation && x.Operation == "send");
    }

    [Fact]
    public async Task Process_StorageFailsMidTurnWithExpectReplies_Returns503AndTheRetryIsProcessedOnce()
    {
        var store = new FailingInterviewStore();
        await using var bot = await StartWithStoreAsync(store);
        var jane = TeamsBotFixture.NewUser("Jane Doe");
        await StartInterviewAsync(bot, jane);
        var consent = bot.Activities.PersonalMessage(jane, "yes");
        consent["deliveryMode"] = "expectReplies";
        store.FailNextUpdate = true;

        var refused = await bot.PostAsync(consent);
        var retried = await bot.PostAsync(consent);
        var redelivered = await bot.PostAsync(consent);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(BotFrameworkAdapter.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var replies = await RepliesAsync(retried);
        Assert.Contains(replies, r => r!["inputHint"]?.GetValue<string>() == "expectingInput");
        Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        Assert.Empty(await RepliesAsync(redelivered));
        Assert.Equal(1, await CandidateLinesAsync(bot, jane, "yes"));
    }

    [Fact]
    public async Task Process_StorageFailsMidTurn_ApologizesThroughTheConnectorAndTheRetryIsProcessed()
    {
        var store = new FailingInterviewStore();
        await using var bot = await StartWithStoreAsync(store);
        var jane = TeamsBotFixture.NewUser("Jane Doe");
        var conversation = await StartInterviewAsync(bot, jane);
        var prompts = bot.Connector.Activities.Count(x => x.ConversationId == conversation && x.InputHint == "expectingInput");
        var consent = bot.Activities.PersonalMessage(jane, "yes");
        store.FailNextUpdate = true;

        var first = await bot.PostAsync(consent);
        await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.Text == TurnText.StorageDown), what: "the apology");
        var retried = await bot.PostAsync(consent);
        await bot.Connector.WaitForAsync(r => r.Count(x => x.ConversationId == conversation && x.InputHint == "expectingInput") > prompts, what: "the first knockout question");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(1, await CandidateLinesAsync(bot, jane, "yes"));
    }

    [Fact]
    public async Task Process_StorageFailsMidTurnAndTheApologyCannotBeSent_Returns503()
    {
        var store = new FailingInterviewStore();
        await using var bot = await StartWithStoreAsync(store);
        var jane = TeamsBotFixture.NewUser("Jane Doe");
        var conversation = await StartInterviewAsync(bot, jane);
        var consent = bot.Activities.PersonalMessage(jane, "yes");
        store.FailNextUpdate = true;
        bot.Connector.FailNext(r => r.ConversationId == conversation && r.Text == TurnText.StorageDown, HttpStatusCode.Forbidden, errorCode: "ConversationBlockedByUser");

        var refused = await bot.PostAsync(consent);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(BotFrameworkAdapter.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        Assert.Equal(0, await CandidateLinesAsync(bot, jane, "yes"));
    }

    private static Task<TeamsBotHarness> StartWithStoreAsync(FailingInterviewStore store) =>
        TeamsBotHarness.StartAsync(configureServices: services => services.Replace(ServiceDescriptor.Singleton<IInterviewStore>(sp =>
        {
            store.Inner = sp.GetRequiredService<StorageBackend>().Interviews;
            return store;
        })));

    /// <summary>The recruiter screens <paramref name="candidate"/>; returns their 1:1 conversation once the consent question arrived.</summary>
    private static async Task<string> StartInterviewAsync(TeamsBotHarness bot, TeamsUser candidate)
    {
        var command = bot.Activities.ChannelMessage(TeamsUser.Recruiter, $"screen <at>{candidate.Name}</at> backend-senior", candidate);
        Assert.Equal(HttpStatusCode.OK, (await bot.PostAsync(command)).StatusCode);
        var conversation = TeamsActivities.PersonalConversationId(candidate);
        await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == conversation && x.InputHint == "expectingInput"), what: "the consent question");
        return conversation;
    }

    private static async Task<JsonArray> RepliesAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();

    /// <summary>How many candidate lines with <paramref name="text"/> the stored transcript of <paramref name="candidate"/>'s interview holds.</summary>
    private static async Task<int> CandidateLinesAsync(TeamsBotHarness bot, TeamsUser candidate, string text)
    {
        var storage = bot.Factory.Services.GetRequiredService<StorageBackend>();
        var stored = await storage.Interviews.FindByConversationAsync("msteams:" + TeamsActivities.PersonalConversationId(candidate), CancellationToken.None);
        Assert.NotNull(stored);
        var transcript = await storage.Transcripts.ReadAsync(stored.Interview.Id, CancellationToken.None);
        Assert.Equal(Enumerable.Range(0, transcript.Count).Select(i => (long)i), transcript.Select(t => t.Sequence));
        return transcript.Count(t => t.Speaker == Speaker.Candidate && t.Text == text);
    }

    /// <summary>An in-memory ledger that fails once on demand, like a storage outage.</summary>
    private sealed class FlakyLedger : IProcessedMessageLedger
    {
        private readonly InMemoryProcessedMessageLedger _inner = new(TimeProvider.System);

        public bool FailNext { get; set; }

        public Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            return _inner.TryRecordAsync(key, timeToLive, cancellationToken);
        }

        public Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
        {
            ThrowIfFailing();
            return _inner.ContainsAsync(key, cancellationToken);
        }

        private void ThrowIfFailing()
        {
            if (FailNext)
            {
                FailNext = false;
                throw new StorageUnavailableException();
            }
        }
    }

    /// <summary>The real interview store, whose next save fails on demand as if storage went down mid-turn (after the ledger check and the load).</summary>
    private sealed class FailingInterviewStore : IInterviewStore
    {
        public IInterviewStore Inner { get; set; } = null!;

        public bool FailNextUpdate { get; set; }

        public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) => Inner.CreateAsync(interview, cancellationToken);

        public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => Inner.GetAsync(interviewId, cancellationToken);

        public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken)
        {
            if (FailNextUpdate)
            {
                FailNextUpdate = false;
                throw new StorageUnavailableException("Injected: storage went down mid-turn.");
            }

            return Inner.UpdateAsync(current, updated, cancellationToken);
        }

        public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken) => Inner.FindByConversationAsync(conversationKey, cancellationToken);

        public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => Inner.ListAsync(query, limit, cancellationToken);

        public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => Inner.DeleteAsync(interviewId, cancellationToken);
    }
}
