using System.Text.Json.Nodes;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Renders channel-neutral replies as outbound activities (unaddressed: the sender fills in conversation and accounts).
/// Prompts with choices get an Adaptive Card (schema 1.5) whose Action.Submit buttons carry the choice value in
/// <c>data.screeningAnswer</c>; the text stays on the activity, so typed answers and card-less channels still work.
/// </summary>
internal static class ReplyActivities
{
    /// <summary>The Action.Submit data key holding the clicked choice's value.</summary>
    public const string AnswerKey = "screeningAnswer";

    /// <summary>The Action.Submit data key naming the question a button answers.</summary>
    public const string QuestionKey = "questionId";

    /// <summary>Teams shows at most about six card actions; longer choice lists become a drop-down.</summary>
    public const int MaxButtons = 5;

    public static Activity FromReply(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new Activity
        {
            Type = ActivityType.Message,
            Text = reply.Text,
            TextFormat = "markdown",
            InputHint = reply.Kind switch
            {
                ReplyKind.Prompt or ReplyKind.Retry => "expectingInput",
                ReplyKind.Closing => "ignoringInput",
                _ => "acceptingInput",
            },
            Attachments = reply.Choices.Count == 0 ? null : [ChoiceCard(reply)],
        };
    }

    /// <summary>A recruiter-facing answer: Markdown text, plus the scorecard card when there is one.</summary>
    public static Activity FromCommandResponse(string channelId, string text, Scorecard? scorecard) => new()
    {
        Type = ActivityType.Message,
        Text = TeamsText.ToTeamsMarkdown(text),
        TextFormat = "markdown",
        Attachments = scorecard is null ? null : [ScorecardAttachment(channelId, scorecard)],
    };

    public static Activity Typing() => new() { Type = ActivityType.Typing };

    /// <summary>
    /// The scorecard in the format of the channel the hiring conversation is on. Every Bot Framework channel gets the
    /// Adaptive Card today; this is the one place to branch (e.g. Block Kit for <c>slack</c> through Azure Bot Service).
    /// </summary>
    public static Attachment ScorecardAttachment(string channelId, Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        _ = channelId;
        return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = AdaptiveCardRenderer.Render(scorecard) };
    }

    private static Attachment ChoiceCard(Reply reply)
    {
        var body = new JsonArray();
        var actions = new JsonArray();
        if (reply.Choices.Count <= MaxButtons)
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = "Pick an answer, or type it.", ["isSubtle"] = true, ["wrap"] = true });
            foreach (var choice in reply.Choices)
            {
                actions.Add(new JsonObject
                {
                    ["type"] = "Action.Submit",
                    ["title"] = choice.Title,
                    ["data"] = new JsonObject
                    {
                        [AnswerKey] = choice.Value,
                        [QuestionKey] = reply.QuestionId,
                        // Teams: show the clicked title in the chat as the candidate's message.
                        ["msteams"] = new JsonObject { ["type"] = "messageBack", ["displayText"] = choice.Title, ["text"] = choice.Value },
                    },
                });
            }
        }
        else
        {
            var options = new JsonArray();
            foreach (var choice in reply.Choices)
            {
                options.Add(new JsonObject { ["title"] = choice.Title, ["value"] = choice.Value });
            }

            body.Add(new JsonObject { ["type"] = "Input.ChoiceSet", ["id"] = AnswerKey, ["style"] = "compact", ["isRequired"] = true, ["errorMessage"] = "Pick one.", ["choices"] = options });
            actions.Add(new JsonObject { ["type"] = "Action.Submit", ["title"] = "Send", ["data"] = new JsonObject { [QuestionKey] = reply.QuestionId } });
        }

        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = AdaptiveCardRenderer.SchemaVersion,
            ["body"] = body,
            ["actions"] = actions,
        };
        return new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card };
    }
}
