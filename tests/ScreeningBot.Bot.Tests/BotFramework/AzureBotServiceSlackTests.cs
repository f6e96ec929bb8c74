using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rehearsal;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>
/// Slack connected through Azure Bot Service's Slack channel: activities with <c>channelId: "slack"</c> on /api/messages
/// (ids shaped <c>U…:T…</c>, docs/channels.md). Slack renders no Adaptive Cards, so prompts and the scorecard must go out
/// as Block Kit in <c>channelData</c>; a clicked button comes back as <c>channelData.payload</c>.
/// </summary>
public sealed class AzureBotServiceSlackTests
{
    private const string Recruiter = "URITA:TTEAM1";
    private const string Hiring = "BBOT:TTEAM1:CHIRING";
    private const string Bot = "BBOT:TTEAM1";

    private static JsonObject SlackActivity(TeamsBotHarness bot, string from, string conversationId, bool isGroup, string? text = null, JsonObject? channelData = null) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-23T10:00:00.000Z",
        ["serviceUrl"] = bot.Connector.ServiceUrl,
        ["channelId"] = "slack",
        ["from"] = new JsonObject { ["id"] = from, ["name"] = from.Split(':')[0].ToLowerInvariant() },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["isGroup"] = isGroup },
        ["recipient"] = new JsonObject { ["id"] = Bot, ["name"] = "screener" },
        ["text"] = text,
        ["channelData"] = channelData ?? new JsonObject { ["SlackMessage"] = new JsonObject { ["type"] = "event_callback" } },
    };

    [Fact]
    public async Task SlackThroughAzureBotService_WholeScreen_UsesBlockKitAndPostsABlockKitScorecard()
    {
        await using var bot = await TeamsBotHarness.StartAsync(new Dictionary<string, string?> { ["Screening:Recruiters:0"] = Recruiter });
        bot.Connector.Endorsements = ["msteams", "slack"];

        var command = await bot.PostAsync(SlackActivity(bot, Recruiter, Hiring, isGroup: true, text: "screen <@UJANE|jane> backend-senior"));

        Assert.Equal(HttpStatusCode.OK, command.StatusCode);
        var candidateConversation = "a:personal-UJANE:TTEAM1";
        var sent = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == candidateConversation && x.InputHint is null && x.Activity?["channelData"]?["blocks"] is not null && x.Text!.Contains("Do you agree", StringComparison.Ordinal)), what: "the consent question as Block Kit");
        var consent = sent.Last(x => x.ConversationId == candidateConversation).Activity!;
        Assert.Null(consent["attachments"]);
        var buttons = consent["channelData"]!["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "actions").SelectMany(b => b!["elements"]!.AsArray()).ToArray();
        Assert.Equal(["yes", "no"], buttons.Select(b => b!["value"]!.GetValue<string>()));
        Assert.Contains("1. Yes", consent["text"]!.GetValue<string>(), StringComparison.Ordinal);

        // The candidate clicks Yes: ABS forwards Slack's interaction payload in channelData.payload.
        var click = SlackActivity(bot, "UJANE:TTEAM1", candidateConversation, isGroup: false, channelData: new JsonObject
        {
            ["payload"] = new JsonObject { ["type"] = "block_actions", ["actions"] = new JsonArray { new JsonObject { ["action_id"] = "answer-0", ["value"] = "yes" } } },
        });
        click["deliveryMode"] = "expectReplies";
        var replies = JsonNode.Parse(await (await bot.PostAsync(click)).Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.Contains(replies, r => r!["text"]!.GetValue<string>().Contains("Let's begin", StringComparison.Ordinal));

        // The rest is typed, as a Slack user would; the question id comes from the prompt's Block Kit block id.
        var script = Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml");
        var answers = RehearsalAnswers.Parse(script, await File.ReadAllTextAsync(script), out _)!;
        answers.Next("consent");
        for (var turn = 0; ; turn++)
        {
            Assert.True(turn < 80, "the interview did not end within 80 answers");
            var last = replies.Last()!;
            if (last["inputHint"]?.GetValue<string>() == "ignoringInput" || last["text"]!.GetValue<string>().Contains("That's everything", StringComparison.Ordinal))
            {
                break;
            }

            Assert.Null(last["attachments"]);
            var blockId = last["channelData"]!["blocks"]![0]!["block_id"]?.GetValue<string>();
            var questionId = blockId?.StartsWith("prompt|", StringComparison.Ordinal) == true ? blockId["prompt|".Length..] : null;
            var message = SlackActivity(bot, "UJANE:TTEAM1", candidateConversation, isGroup: false, text: answers.Next(questionId) ?? "skip");
            message["deliveryMode"] = "expectReplies";
            replies = JsonNode.Parse(await (await bot.PostAsync(message)).Content.ReadAsStringAsync())!["activities"]!.AsArray();
        }

        var posted = await bot.Connector.WaitForAsync(r => r.Any(x => x.ConversationId == Hiring && x.Activity?["channelData"]?["blocks"]?.AsArray().Any(b => b!["type"]!.GetValue<string>() == "header") == true), TimeSpan.FromSeconds(30), "the Block Kit scorecard in the hiring conversation");
        var scorecard = posted.First(x => x.ConversationId == Hiring && x.Activity?["channelData"]?["blocks"] is not null && x.Text!.Contains("/100", StringComparison.Ordinal)).Activity!;
        Assert.Null(scorecard["attachments"]);
        Assert.True(scorecard["channelData"]!["blocks"]!.AsArray().Count <= 50);
        Assert.Contains("backend", scorecard["channelData"]!.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
