using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// The card under a prompt with choices: Action.Submit buttons carrying the choice in <c>data.screeningAnswer</c> and the
/// question in <c>data.questionId</c>, or a drop-down when there are too many choices for buttons. The prompt's text stays
/// on the message itself, so typed answers and channels without cards still work.
/// </summary>
internal static partial class AdaptiveCardRenderer
{
    /// <summary>The Action.Submit data key holding the clicked choice's value.</summary>
    public const string AnswerKey = "screeningAnswer";

    /// <summary>The Action.Submit data key naming the question a button answers.</summary>
    public const string QuestionKey = "questionId";

    /// <summary>Teams shows at most about six card actions; longer choice lists become a drop-down.</summary>
    public const int MaxButtons = 5;

    public static JsonObject RenderPrompt(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
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

        return new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = SchemaVersion,
            ["body"] = body,
            ["actions"] = actions,
        };
    }
}
