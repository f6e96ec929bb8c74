using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Slack;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

/// <summary>The Slack endpoints over real HTTP: signatures, acknowledgements, deduplication, filtering and authorisation.</summary>
public sealed class SlackAdapterTests
{
    private const string Candidate = "UJANE";
    private static readonly string CandidateDm = FakeSlackApi.DirectMessageChannel(Candidate);

    [Theory]
    [InlineData("1712345678.000100", "2024-04-05T19:34:38.0001000+00:00")]
    [InlineData("1712345678", "2024-04-05T19:34:38.0000000+00:00")]
    [InlineData("-5.1", null)]
    [InlineData("abc.def", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void SentAtOf_SlackTimestamp_IsTheTimeItNames(string? ts, string? expected)
    {
        Assert.Equal(expected, SlackAdapter.SentAtOf(ts)?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Events_UrlVerification_AnswersTheChallenge()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        var response = await sut.SendAsync(sut.Requests.UrlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["challenge"]);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("wrong-secret")]
    [InlineData("stale")]
    [InlineData("future")]
    [InlineData("missing")]
    public async Task Endpoints_BadSignature_Return401AndDoNothing(string defect)
    {
        await using var sut = await SlackBotHarness.StartAsync();
        // Well outside the 5-minute window: the wall clock moves on between signing and verifying (seconds on a loaded
        // CI machine), so a timestamp one second out could drift back in. SlackRequestSignatureTests pins the boundary.
        var now = TimeProvider.System.GetUtcNow().ToUnixTimeSeconds();
        // Not hex, so no trace id in the problem answer can contain it by chance.
        var body = new JsonObject { ["type"] = "url_verification", ["challenge"] = "forged-xyz" }.ToJsonString();
        var request = defect switch
        {
            "wrong-secret" => sut.Requests.Sign(BotRoutes.SlackEvents, body, "application/json", secret: "not-the-secret"),
            "stale" => sut.Requests.Sign(BotRoutes.SlackEvents, body, "application/json", timestamp: now - 600),
            "future" => sut.Requests.Sign(BotRoutes.SlackEvents, body, "application/json", timestamp: now + 600),
            _ => sut.Requests.Sign(BotRoutes.SlackEvents, body, "application/json"),
        };
        if (defect == "tampered")
        {
            request.Content = new StringContent(body.Replace("forged-xyz", "forged-xyw", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
        }
        else if (defect == "missing")
        {
            request.Headers.Remove(SlackRequestSignature.SignatureHeader);
        }

        var response = await sut.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("forged-xy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_UnsignedSslCheck_Answers200()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BotRoutes.SlackCommands, UriKind.Relative))
        {
            Content = new StringContent("ssl_check=1&token=deprecated", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await sut.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(sut.Slack.Calls);
    }

    [Fact]
    public async Task Endpoints_SlackNotConfigured_Return503()
    {
        await using var bot = new BotAppFactory();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var requests = new SlackRequestBuilder(SlackBotHarness.SigningSecret);

        using var request = requests.UrlVerification("abc");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("Slack__SigningSecret", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_BodyOverTheLimit_Return413()
    {
        await using var sut = await SlackBotHarness.StartAsync(new Dictionary<string, string?> { ["Slack:MaxBodyBytes"] = "4096" });

        var response = await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, new string('x', 5_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Events_BotTokensWorkspaceUnknown_Answers503SoSlackDeliversAgain()
    {
        await using var sut = await SlackBotHarness.StartAsync(new Dictionary<string, string?> { ["Slack:TeamIds:0"] = null });
        sut.Slack.Script("auth.test", FakeSlackAnswer.Fails("invalid_auth"));
        var ev = sut.Requests.DirectMessage(CandidateDm, Candidate, "hello", eventId: "Ev0100", ts: "1800000000.000100");
        var retry = sut.Requests.DirectMessage(CandidateDm, Candidate, "hello", eventId: "Ev0100", ts: "1800000000.000100");

        var deferred = await sut.SendAsync(ev);
        var delivered = await sut.SendAsync(retry);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, deferred.StatusCode);
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        var reply = await sut.WaitForAsync(c => c.Method == "chat.postMessage", "the answer to the redelivered message");
        Assert.Contains("don't have a screen open for you", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_FromAnotherWorkspace_AreIgnored()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        var foreign = await sut.SendAsync(sut.Requests.Command("status", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("foreign"), teamId: "TOTHER"));
        await sut.SendAsync(sut.Requests.Command("status", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("ours")));

        await sut.WaitForAsync(c => c.Method == "response_url:ours", "the answer to the command from our workspace");
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.DoesNotContain("Latest screens", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Method == "response_url:foreign");
    }

    [Fact]
    public async Task Events_RetriedAndRepeatedEventIds_AreProcessedOnce()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        var first = await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "hello", eventId: "Ev0001", ts: "1800000000.000001"));
        var retry = sut.Requests.DirectMessage(CandidateDm, Candidate, "hello", eventId: "Ev0001", ts: "1800000000.000001");
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        var second = await sut.SendAsync(retry);
        var third = await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "hello", eventId: "Ev0001", ts: "1800000000.000001"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "anyone there?", eventId: "Ev0002"));

        // One conversation is served in order, so once the reply to Ev0002 is out, every copy of Ev0001 has been handled.
        await sut.Slack.WaitForCountAsync(c => c.Method == "chat.postMessage", 2, SlackBotHarness.Deadline);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { first.StatusCode, second.StatusCode, third.StatusCode });
        var replies = sut.Slack.Calls.Where(c => c.Method == "chat.postMessage").ToList();
        Assert.Equal(2, replies.Count);
        Assert.All(replies, r => Assert.Contains("don't have a screen open for you", r.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Events_BotsEditsAndOurOwnMessages_AreIgnored()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, "UOTHERBOT", "beep", edit: e => e["bot_id"] = "B999"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "edited", edit: e => e["subtype"] = "message_changed"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, FakeSlackApi.BotUserId, "our own words, echoed back without bot_id"));
        await sut.SendAsync(sut.Requests.DirectMessage("C0PUBLIC", Candidate, "in a channel", edit: e => e["channel_type"] = "channel"));
        await sut.SendAsync(sut.Requests.DirectMessage(CandidateDm, Candidate, "a real message"));

        await sut.WaitForAsync(c => c.Method == "chat.postMessage", "the reply to the real message");
        Assert.Single(sut.Slack.Calls, c => c.Method == "chat.postMessage");
        Assert.Contains(sut.Slack.Calls, c => c.Method == "auth.test");
    }

    [Fact]
    public async Task Commands_Help_AnswersAtOnceWithUsage()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        var response = await sut.SendAsync(sut.Requests.Command("help", "USOMEONE", SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("help")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AckAsync(response);
        Assert.Equal("ephemeral", (string?)body.Body["response_type"]);
        Assert.Contains("/screen screen @candidate profile-id", body.BlockText, StringComparison.Ordinal);
        Assert.Empty(sut.Slack.Calls);
    }

    [Fact]
    public async Task Commands_UnknownVerb_AnswersWithUsage()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        var response = await sut.SendAsync(sut.Requests.Command("frobnicate @jane", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("x")));

        var text = (await AckAsync(response)).BlockText;
        Assert.Contains("I don't know the command", text, StringComparison.Ordinal);
        Assert.Contains("/screen status", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_UnauthorisedUser_IsRefusedPolitelyAndNoCandidateIsContacted()
    {
        await using var sut = await SlackBotHarness.StartAsync();
        sut.Slack.AddUser(Candidate, "Jane Doe");

        var ack = await sut.SendAsync(sut.Requests.Command($"<@{Candidate}|jane> backend-senior", "UMALLORY", SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("refuse")));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Contains(SlackAdapter.WorkingText, (await AckAsync(ack)).Text, StringComparison.Ordinal);
        var answer = await sut.WaitForAsync(c => c.Method == "response_url:refuse", "the refusal");
        Assert.Contains("only recruiters can run screening commands", answer.Text, StringComparison.Ordinal);
        Assert.Contains("UMALLORY", answer.Text, StringComparison.Ordinal);
        Assert.Equal("ephemeral", (string?)answer.Body["response_type"]);
        Assert.DoesNotContain(sut.Slack.Calls, c => c.Method is "conversations.open" or "chat.postMessage");
    }

    [Fact]
    public async Task Commands_MemberOfRecruiterUserGroup_MayRecruit()
    {
        await using var sut = await SlackBotHarness.StartAsync(new Dictionary<string, string?> { ["Slack:RecruiterUserGroup"] = "S0RECRUIT" });
        sut.Slack.SetUserGroup("S0RECRUIT", "UGRACE");

        await sut.SendAsync(sut.Requests.Command("status", "UGRACE", SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("status")));

        var answer = await sut.WaitForAsync(c => c.Method == "response_url:status", "the status answer");
        Assert.Contains("Latest screens", answer.Text, StringComparison.Ordinal);
        Assert.Contains(sut.Slack.Calls, c => c.Method == "usergroups.users.list" && (string?)c.Body["usergroup"] == "S0RECRUIT");
    }

    [Fact]
    public async Task Commands_Profiles_ListsTheShippedProfiles()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        await sut.SendAsync(sut.Requests.Command("profiles", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("profiles")));

        var answer = await sut.WaitForAsync(c => c.Method == "response_url:profiles", "the profiles answer");
        Assert.Contains("backend-senior", answer.BlockText, StringComparison.Ordinal);
        Assert.Contains("backend-mid", answer.BlockText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_CandidateSlackCannotReach_TellsTheRecruiterWhy()
    {
        await using var sut = await SlackBotHarness.StartAsync();

        await sut.SendAsync(sut.Requests.Command("invite <@UGHOST|ghost> backend-senior", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, sut.Slack.ResponseUrl("ghost")));

        var answer = await sut.WaitForAsync(c => c.Method == "response_url:ghost", "the failure answer");
        Assert.Contains("couldn't open a private chat", answer.Text, StringComparison.Ordinal);
        Assert.Contains("user_not_found", answer.Text, StringComparison.Ordinal);
    }

    /// <summary>An immediate answer to a slash command, read like a recorded Slack call.</summary>
    private static async Task<SlackApiCall> AckAsync(HttpResponseMessage response) =>
        new("ack", JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject(), null, response.Content.Headers.ContentType?.MediaType, 0);
}
