using System.Text.Json;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

public sealed class ActivityTests
{
    private const string TeamsMessage = """
        {
          "type": "message", "id": "1485983408511", "timestamp": "2026-01-01T10:00:00.000Z",
          "serviceUrl": "https://smba.trafficmanager.net/amer/", "channelId": "msteams",
          "from": { "id": "29:1XJ", "name": "Megan", "aadObjectId": "7faf8ab2-0000-4000-8000-000000000001", "userPrincipalName": "megan@contoso.example" },
          "conversation": { "conversationType": "personal", "tenantId": "72f988bf-0000", "id": "a:17I0k", "futureField": { "x": [1, 2] } },
          "recipient": { "id": "28:c9e8c047", "name": "Screener" },
          "textFormat": "plain", "text": "hello", "locale": "en-US",
          "entities": [ { "type": "clientInfo", "locale": "en-US", "country": "US", "platform": "Windows", "timezone": "America/Los_Angeles" } ],
          "channelData": { "tenant": { "id": "72f988bf-0000" }, "settings": { "selectedChannel": { "id": "19:x" } } },
          "brandNewTopLevelField": [ "kept" ]
        }
        """;

    [Fact]
    public void RoundTrip_TeamsMessage_KeepsFieldsTheBotDoesNotModel()
    {
        var sut = JsonSerializer.Deserialize(TeamsMessage, BotFrameworkJsonContext.Default.Activity)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(sut, BotFrameworkJsonContext.Default.Activity))!;

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(TeamsMessage), written), written.ToJsonString());
    }

    [Fact]
    public void Deserialize_CaseInsensitiveNames_AreRead()
    {
        var sut = JsonSerializer.Deserialize("""{ "Type": "message", "ServiceUrl": "https://x/", "Conversation": { "Id": "c" } }""", BotFrameworkJsonContext.Default.Activity)!;

        Assert.Equal(ActivityType.Message, sut.Type);
        Assert.Equal("https://x/", sut.ServiceUrl);
        Assert.Equal("c", sut.Conversation!.Id);
    }

    [Fact]
    public void Serialize_OutboundReply_OmitsNullsAndUsesCamelCase()
    {
        var sut = ReplyActivities.FromReply(new Dialogs.Conversation.Reply
        {
            Text = "Do you agree?",
            Kind = Dialogs.Conversation.ReplyKind.Prompt,
            QuestionId = "consent",
            Choices = [new("Yes", "yes"), new("No", "no")],
        });

        var json = JsonNode.Parse(JsonSerializer.Serialize(sut, BotFrameworkJsonContext.Default.Activity))!.AsObject();

        Assert.Equal(["type", "textFormat", "text", "inputHint", "attachments"], json.Select(p => p.Key));
        var actions = json["attachments"]![0]!["content"]!["actions"]!.AsArray();
        Assert.Equal(["yes", "no"], actions.Select(a => a!["data"]!["screeningAnswer"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.Submit", a!["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("consent", a!["data"]!["questionId"]!.GetValue<string>()));
    }

    [Fact]
    public void AnswerOf_SubmitAndExecuteData_ReadTheClickedValue()
    {
        Assert.Equal("yes", ActivityMapper.AnswerOf(JsonDocument.Parse("""{ "screeningAnswer": "yes", "questionId": "consent" }""").RootElement));
        Assert.Equal("no", ActivityMapper.AnswerOf(JsonDocument.Parse("""{ "action": { "type": "Action.Execute", "data": { "screeningAnswer": "no" } } }""").RootElement));
        Assert.Null(ActivityMapper.AnswerOf(JsonDocument.Parse("""{ "screeningAnswer": 5 }""").RootElement));
        Assert.Null(ActivityMapper.AnswerOf(null));
    }

    [Theory]
    [InlineData("2026-01-01T10:00:00.123Z", "2026-01-01T10:00:00.1230000+00:00")]
    [InlineData("2026-01-01T11:00:00.5+01:00", "2026-01-01T10:00:00.5000000+00:00")]
    [InlineData("not a time", null)]
    [InlineData(null, null)]
    public void MessageOf_Timestamp_IsWhenTheCandidateSentIt(string? timestamp, string? expected)
    {
        var activity = JsonSerializer.Deserialize(TeamsMessage, BotFrameworkJsonContext.Default.Activity)! with { Timestamp = timestamp };

        var sut = ActivityMapper.MessageOf(activity);

        Assert.Equal(expected, sut.SentAt?.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AddressOf_ChannelThread_SplitsChannelAndRootMessage()
    {
        var sut = JsonSerializer.Deserialize("""
            { "type": "message", "channelId": "msteams", "serviceUrl": "https://s/", "recipient": { "id": "28:bot" },
              "conversation": { "id": "19:abc@thread.tacv2;messageid=1700", "conversationType": "channel" },
              "channelData": { "tenant": { "id": "t-1" } } }
            """, BotFrameworkJsonContext.Default.Activity)!;

        var address = ActivityMapper.AddressOf(sut);

        Assert.Equal("19:abc@thread.tacv2", address.ConversationId);
        Assert.Equal("1700", address.ThreadId);
        Assert.Equal("t-1", address.TenantId);
        Assert.Equal("28:bot", address.BotId);
        Assert.True(address.ViaBotFramework);
        Assert.Equal("19:abc@thread.tacv2;messageid=1700", ActivityMapper.ConversationIdOf(address));
    }
}
