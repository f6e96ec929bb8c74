using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Compliance;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// A "not screened" notice (<see cref="ScreeningNotice"/>) for the hiring channel: an Adaptive Card (Teams, Web Chat, the
/// playground) or Block Kit (Slack). Deliberately small and without a score, a recommendation or a colour that reads as a
/// verdict. The candidate's name is inert in both (Markdown and mrkdwn escaped).
/// </summary>
internal static class ScreeningNoticeRenderer
{
    public static JsonObject AdaptiveCard(ScreeningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = AdaptiveCardRenderer.SchemaVersion,
            ["body"] = new JsonArray
            {
                new JsonObject { ["type"] = "TextBlock", ["text"] = notice.Headline, ["size"] = "Medium", ["weight"] = "Bolder", ["wrap"] = true },
                new JsonObject { ["type"] = "TextBlock", ["text"] = InertMarkdown(Text(notice)), ["wrap"] = true },
                new JsonObject
                {
                    ["type"] = "FactSet",
                    ["facts"] = new JsonArray
                    {
                        Fact("Candidate", InertMarkdown(ReportText.Trim(notice.CandidateName, 100))),
                        Fact("Role", InertMarkdown(ReportText.Trim(notice.ProfileTitle, 100))),
                        Fact("Score", "none: not screened"),
                        Fact("When", When(notice)),
                    },
                },
            },
        };
    }

    public static SlackMessage BlockKit(ScreeningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var text = Text(notice);
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = ReportText.Trim(notice.Headline, BlockKitLimits.HeaderText), ["emoji"] = true } },
            new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Escape(text) } },
            new JsonObject
            {
                ["type"] = "context",
                ["elements"] = new JsonArray { new JsonObject { ["type"] = "mrkdwn", ["text"] = $"No score: not screened · {When(notice)} · `{SlackMrkdwn.Escape(notice.InterviewId)}`" } },
            },
        };
        return new SlackMessage(SlackMrkdwn.Escape($"{notice.Headline}: {ReportText.Trim(notice.CandidateName, 100)}, {ReportText.Trim(notice.ProfileTitle, 100)}"), blocks);
    }

    /// <summary>The notice's sentence with the name and role trimmed to a card's size.</summary>
    public static string Text(ScreeningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return (notice with { CandidateName = ReportText.Trim(notice.CandidateName, 100), ProfileTitle = ReportText.Trim(notice.ProfileTitle, 100) }).Text;
    }

    /// <summary>Markdown control characters escaped, so a name like <c>[x](https://evil)</c> shows as typed instead of a link.</summary>
    internal static string InertMarkdown(string text)
    {
        var inert = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '[' or ']' or '(' or ')' or '`' or '#' or '~' or '<' or '>' or '!' or '|')
            {
                inert.Append('\\');
            }

            inert.Append(c);
        }

        return inert.ToString();
    }

    private static string When(ScreeningNotice notice) => notice.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static JsonObject Fact(string title, string value) => new() { ["title"] = title, ["value"] = value };
}
