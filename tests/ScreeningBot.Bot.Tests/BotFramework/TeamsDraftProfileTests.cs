using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Tests.Drafting;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>
/// <c>@Screener draft-profile ID</c> with a job description pasted in Teams, over HTTP: Teams sends what was pasted as HTML
/// (paragraphs, a bullet list, entities), in the <c>text/html</c> attachment and often in <c>text</c> too. The drafter
/// (a loopback OpenAI-compatible server) must be given the description as the lines the recruiter pasted, no markup.
/// </summary>
public sealed class TeamsDraftProfileTests
{
    /// <summary>A line with characters Teams sends as entities.</summary>
    private const string Extra = "We value code reviews & pairing: you'll also touch C# services (List<T>, Task<T>) now and then.";

    public static TheoryData<string> Shapes => new() { "attachment", "text" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task DraftProfile_PastedAsTeamsHtml_TheDrafterGetsThePlainLines(string shape)
    {
        await using var model = await OpenAiTestServer.StartAsync();
        model.Responder = request => request.SchemaName == "LlmProfileProposal"
            ? DraftProposals.Good("senior", "rate-limiter-design", "traffic-spike-10x", "api-versioning")
            : ChatCompletionReply.Error(500);
        await using var bot = await TeamsBotHarness.StartAsync(model.JudgeSettings().ToDictionary(s => s.Key, s => (string?)s.Value));
        var lines = (await File.ReadAllTextAsync(ProfileDraftLlmTests.Description("go-platform.txt"))).TrimEnd().Split('\n').Append(Extra).ToArray();
        var html = TeamsHtml(lines);
        var activity = bot.Activities.ChannelMessage(TeamsUser.Recruiter, "ignored");
        if (shape == "attachment")
        {
            // Teams' text keeps the words but loses the lines; the attachment keeps the message as written.
            activity["text"] = $"<at>{TeamsActivities.BotName}</at> draft-profile api-platform-go " + string.Join(' ', lines.Where(l => l.Length > 0)).Replace("&", "&amp;", StringComparison.Ordinal);
            activity["attachments"] = new JsonArray { new JsonObject { ["contentType"] = "text/html", ["content"] = $"<div><div><p><at id=\"0\">{TeamsActivities.BotName}</at>&nbsp;draft-profile api-platform-go</p>\r\n{html}</div>\r\n</div>" } };
        }
        else
        {
            activity["text"] = $"<p><at>{TeamsActivities.BotName}</at>&nbsp;draft-profile api-platform-go</p>{html}";
        }

        activity["deliveryMode"] = "expectReplies";

        var response = await bot.PostAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replies = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["activities"]!.AsArray();
        Assert.Contains("Draft profile `api-platform-go`", replies[0]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var request = Assert.Single(model.Requests, r => r.SchemaName == "LlmProfileProposal");
        var prompt = string.Concat(request.Json["messages"]!.AsArray().Select(m => (string?)m!["content"]));
        Assert.Contains("\n" + string.Join('\n', lines) + "\n", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("<p>", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("&nbsp;", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("<at>", prompt, StringComparison.Ordinal);
    }

    /// <summary>Pasted lines as the Teams compose box sends them: a paragraph each, an empty one for a blank line, a list for bullets.</summary>
    private static string TeamsHtml(IReadOnlyList<string> lines)
    {
        var html = new StringBuilder();
        var inList = false;
        foreach (var line in lines)
        {
            var bullet = line.StartsWith("- ", StringComparison.Ordinal);
            if (bullet != inList)
            {
                html.Append(bullet ? "<ul>\r\n" : "</ul>\r\n");
                inList = bullet;
            }

            html.Append(bullet ? $"<li>{WebUtility.HtmlEncode(line[2..])}</li>\r\n"
                : line.Length == 0 ? "<p>&nbsp;</p>\r\n"
                : $"<p><span style=\"font-size:inherit\">{WebUtility.HtmlEncode(line)}</span></p>\r\n");
        }

        return html.Append(inList ? "</ul>" : string.Empty).ToString();
    }
}
