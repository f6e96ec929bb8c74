using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Testing.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>The connector stand-in under /playground/v3/conversations: Bot Connector shapes in and out, and its bounds.</summary>
public sealed class PlaygroundEndpointsConnectorTests
{
    [Fact]
    public async Task CreateConversation_OneToOne_AnswersAStableIdPerMember()
    {
        await using var bot = PlaygroundBot.Start();
        const string Body = """{ "isGroup": false, "bot": { "id": "bot:screener" }, "members": [ { "id": "candidate:ravi" } ] }""";

        var first = await PostAsync(bot, PlaygroundEndpoints.ConnectorConversations, Body);
        var second = await PostAsync(bot, PlaygroundEndpoints.ConnectorConversations, Body);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal("dm:candidate:ravi", first.Json!["id"]!.GetValue<string>());
        Assert.Equal(first.Json["id"]!.GetValue<string>(), second.Json!["id"]!.GetValue<string>());
        Assert.Null(first.Json["activityId"]);
    }

    [Fact]
    public async Task CreateConversation_WithAFirstActivity_StoresItAndAnswersItsId()
    {
        await using var bot = PlaygroundBot.Start();

        var created = await PostAsync(bot, PlaygroundEndpoints.ConnectorConversations,
            """{ "isGroup": true, "members": [ { "id": "a" }, { "id": "b" } ], "activity": { "type": "message", "text": "root post" } }""");

        var conversationId = created.Json!["id"]!.GetValue<string>();
        Assert.StartsWith("group:", conversationId, StringComparison.Ordinal);
        var item = Assert.Single((await bot.FeedAsync(conversationId: conversationId))["activities"]!.AsArray())!;
        Assert.Equal(created.Json["activityId"]!.GetValue<string>(), item["activity"]!["id"]!.GetValue<string>());
        Assert.Equal("root post", item["activity"]!["text"]!.GetValue<string>());
        Assert.True(item["conversation"]!["isGroup"]!.GetValue<bool>());
        Assert.Equal(["a", "b"], item["conversation"]!["members"]!.AsArray().Select(m => m!.GetValue<string>()));
    }

    [Theory]
    [InlineData("""{ "isGroup": false, "members": [] }""", "needs 1 to 50")]
    [InlineData("""{ "isGroup": false, "members": [ { "id": "a" }, { "id": "b" } ] }""", "exactly one member")]
    [InlineData("""{ "isGroup": false, "members": [ { "id": "" } ] }""", "member id is empty")]
    [InlineData("""{ "isGroup": false, "members": [ { "id": "a\u0007b" } ] }""", "control characters")]
    [InlineData("""{ "isGroup": false, "members": [ { "id": "a" } ], "activity": { "text": "no type" } }""", "no 'type'")]
    [InlineData("""{ "isGroup": "maybe" }""", "not a valid ConversationParameters at $.isGroup")]
    [InlineData("""[ 1, 2 ]""", "not a valid ConversationParameters")]
    public async Task CreateConversation_InvalidBody_IsABadRequestSayingWhatIsWrong(string body, string expected)
    {
        await using var bot = PlaygroundBot.Start();

        var result = await PostAsync(bot, PlaygroundEndpoints.ConnectorConversations, body);

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains(expected, result.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_UnknownConversation_IsStoredInOrderWithConnectorFields()
    {
        await using var bot = PlaygroundBot.Start();
        var path = $"{PlaygroundEndpoints.ConnectorConversations}/{Uri.EscapeDataString("playground:hiring")}/activities";

        var first = await PostAsync(bot, path, """{ "type": "message", "text": "one", "from": { "id": "bot:screener" } }""");
        var second = await PostAsync(bot, path, """{ "type": "message", "text": "two" }""");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var items = (await bot.FeedAsync(conversationId: "playground:hiring"))["activities"]!.AsArray();
        Assert.Equal(["one", "two"], items.Select(i => i!["activity"]!["text"]!.GetValue<string>()));
        Assert.Equal([first.Json!["id"]!.GetValue<string>(), second.Json!["id"]!.GetValue<string>()], items.Select(i => i!["activity"]!["id"]!.GetValue<string>()));
        Assert.True(items[0]!["seq"]!.GetValue<long>() < items[1]!["seq"]!.GetValue<long>());
        Assert.Equal("playground:hiring", items[0]!["activity"]!["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal("playground", items[0]!["activity"]!["channelId"]!.GetValue<string>());
        Assert.NotNull(items[0]!["activity"]!["timestamp"]);
    }

    [Fact]
    public async Task ReplyToActivity_RecordsWhatItRepliesTo()
    {
        await using var bot = PlaygroundBot.Start();

        var reply = await PostAsync(bot, $"{PlaygroundEndpoints.ConnectorConversations}/dm%3Acandidate%3Ajo/activities/inbound-42", """{ "type": "message", "text": "answer" }""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var item = Assert.Single((await bot.FeedAsync(conversationId: "dm:candidate:jo"))["activities"]!.AsArray())!;
        Assert.Equal("inbound-42", item["activity"]!["replyToId"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendToConversation_TextPlainBody_IsRefusedAsUnsupportedMediaType()
    {
        await using var bot = PlaygroundBot.Start();
        using var content = new StringContent("""{ "type": "message" }""", Encoding.UTF8, "text/plain");

        using var response = await bot.Client.PostAsync(new Uri($"{PlaygroundEndpoints.ConnectorConversations}/c1/activities", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty((await bot.FeedAsync())["activities"]!.AsArray());
    }

    [Fact]
    public async Task SendToConversation_BodyOverTheLimit_IsRefusedWith413()
    {
        await using var bot = PlaygroundBot.Start(new Dictionary<string, string?> { ["Playground:MaxBodyBytes"] = "2048" });
        var body = new JsonObject { ["type"] = "message", ["text"] = new string('x', 4_000) }.ToJsonString();

        var result = await PostAsync(bot, $"{PlaygroundEndpoints.ConnectorConversations}/c1/activities", body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
        Assert.Contains("Playground:MaxBodyBytes", result.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_ConversationIdTooLong_IsABadRequest()
    {
        await using var bot = PlaygroundBot.Start();

        var result = await PostAsync(bot, $"{PlaygroundEndpoints.ConnectorConversations}/{new string('c', 300)}/activities", """{ "type": "message" }""");

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Contains("at most 256", result.Json!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendToConversation_MoreThanTheLimit_KeepsTheNewestOnly()
    {
        await using var bot = PlaygroundBot.Start(new Dictionary<string, string?> { ["Playground:MaxActivitiesPerConversation"] = "3" });

        for (var i = 1; i <= 5; i++)
        {
            await PostAsync(bot, $"{PlaygroundEndpoints.ConnectorConversations}/c1/activities", $$"""{ "type": "message", "text": "m{{i}}" }""");
        }

        var items = (await bot.FeedAsync(conversationId: "c1"))["activities"]!.AsArray();
        Assert.Equal(["m3", "m4", "m5"], items.Select(i => i!["activity"]!["text"]!.GetValue<string>()));
    }

    [Fact]
    public async Task UpdateActivity_NotSupported_Answers405()
    {
        await using var bot = PlaygroundBot.Start();
        using var content = new StringContent("""{ "type": "message" }""", Encoding.UTF8, "application/json");

        using var response = await bot.Client.PutAsync(new Uri($"{PlaygroundEndpoints.ConnectorConversations}/c1/activities/a1", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task DeleteActivity_Stored_RemovesItAndFeedsAMessageDeleteWithItsId()
    {
        await using var bot = PlaygroundBot.Start();
        var path = $"{PlaygroundEndpoints.ConnectorConversations}/{Uri.EscapeDataString("playground:hiring")}/activities";
        var kept = await PostAsync(bot, path, """{ "type": "message", "text": "kept" }""");
        var erased = await PostAsync(bot, path, """{ "type": "message", "text": "the scorecard" }""");
        var erasedId = erased.Json!["id"]!.GetValue<string>();

        using var response = await bot.Client.DeleteAsync(new Uri($"{path}/{erasedId}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await bot.FeedAsync(conversationId: "playground:hiring"))["activities"]!.AsArray().Select(i => i!["activity"]!).ToArray();
        Assert.Equal(["message", "messageDelete"], items.Select(a => a["type"]!.GetValue<string>()));
        Assert.Equal(kept.Json!["id"]!.GetValue<string>(), items[0]["id"]!.GetValue<string>());
        Assert.Equal(erasedId, items[1]["id"]!.GetValue<string>());
        Assert.DoesNotContain(items, a => a["text"]?.GetValue<string>() == "the scorecard");
    }

    [Fact]
    public async Task DeleteActivity_UnknownOrAlreadyDeleted_Answers404AsTheConnectorDoes()
    {
        await using var bot = PlaygroundBot.Start();
        var path = $"{PlaygroundEndpoints.ConnectorConversations}/{Uri.EscapeDataString("playground:hiring")}/activities";
        var posted = (await PostAsync(bot, path, """{ "type": "message", "text": "once" }""")).Json!["id"]!.GetValue<string>();

        using var first = await bot.Client.DeleteAsync(new Uri($"{path}/{posted}", UriKind.Relative));
        using var again = await bot.Client.DeleteAsync(new Uri($"{path}/{posted}", UriKind.Relative));
        using var unknown = await bot.Client.DeleteAsync(new Uri($"{PlaygroundEndpoints.ConnectorConversations}/nowhere/activities/pg-1", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Contains("ActivityNotFoundInConversation", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Json)> PostAsync(PlaygroundBot bot, string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await bot.Client.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }
}
