using System.Globalization;
using System.Text.Json.Nodes;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// The decision part of a posted scorecard (issue 17): who decided what and when, the notes, and the Advance / Reject /
/// Hold buttons with a field for a reason or note. A piece of its own that wraps the scorecard renderers' output without
/// changing their layout: Teams and Web Chat get it appended to the Adaptive Card (<c>Action.Execute</c>, data
/// <c>{ screeningDecision, interviewId, decisionNote }</c>), Slack gets blocks in the scorecard's main message: a multiline
/// input (block id <c>decision-note|{interview id}|{entries}</c>) and the buttons (block id <c>decision|{interview id}</c>,
/// values <c>advance</c>, <c>reject</c>, <c>hold</c>, <c>note</c>); a click's <c>block_actions</c> payload carries what was
/// typed in <c>state.values</c>. Recruiters' names and notes are inert: text runs in the card, inert mrkdwn in Slack.
/// </summary>
internal static class DecisionPanel
{
    /// <summary>The <c>Action.Execute</c> verb of the decision buttons.</summary>
    public const string Verb = "screeningDecision";

    /// <summary>The card's input holding a reason or note.</summary>
    public const string NoteInputId = "decisionNote";

    /// <summary>Button value (and Teams data) that adds the note without deciding.</summary>
    public const string NoteValue = "note";

    /// <summary>
    /// Teams data value of the "Send feedback" button under the feedback preview; the data also carries <c>interviewId</c> and
    /// <see cref="DecisionIdKey"/>, so a click after the decision changed sends nothing.
    /// </summary>
    public const string FeedbackValue = "send-feedback";

    /// <summary>Teams data key of the decision the feedback preview is about.</summary>
    public const string DecisionIdKey = "decisionId";

    /// <summary>Prefix of the Slack block id of the decision buttons: <c>decision|{interview id}</c>.</summary>
    public const string SlackBlockPrefix = "decision|";

    /// <summary>Prefix of the Slack block id of the note input: <c>decision-note|{interview id}|{entries}</c>.</summary>
    public const string SlackNoteBlockPrefix = "decision-note|";

    /// <summary>The <c>action_id</c> of the Slack note input, the key of its value in <c>state.values</c>.</summary>
    public const string SlackNoteActionId = "decision-note-text";

    private const string NoteLabel = "Reason or note";
    private const string NotePlaceholder = "Reason or note (optional)";

    private const int ShownNotes = 3;

    /// <summary>
    /// The scorecard as an Adaptive Card with the decision panel appended and, once someone decided, the candidate feedback
    /// (<paramref name="feedback"/>): its preview and a "Send feedback" button, or who sent it and when.
    /// </summary>
    public static JsonObject AdaptiveCard(Scorecard scorecard, DecisionHistory decisions, Decisions.FeedbackOnCard? feedback = null)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(decisions);
        var card = AdaptiveCardRenderer.Render(scorecard);
        var body = card["body"] as JsonArray ?? [];
        card["body"] = body;
        var items = new JsonArray { Runs(Status(decisions), bold: true) };
        foreach (var line in Details(decisions))
        {
            items.Add(Runs(line, subtle: true));
        }

        items.Add(new JsonObject
        {
            ["type"] = "Input.Text",
            ["id"] = NoteInputId,
            ["placeholder"] = NotePlaceholder,
            ["maxLength"] = DecisionEntry.MaxTextLength,
        });
        body.Add(new JsonObject { ["type"] = "Container", ["id"] = "decision", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items });
        body.Add(new JsonObject
        {
            ["type"] = "ActionSet",
            ["actions"] = new JsonArray
            {
                Execute("Advance", HiringDecision.Advance.ToVerb(), scorecard.InterviewId, "positive"),
                Execute("Reject", HiringDecision.Reject.ToVerb(), scorecard.InterviewId, "destructive"),
                Execute("Hold", HiringDecision.Hold.ToVerb(), scorecard.InterviewId, null),
                Execute("Add note", NoteValue, scorecard.InterviewId, null),
            },
        });
        if (feedback is not null)
        {
            AddFeedback(body, feedback);
        }

        return card;
    }

    /// <summary>
    /// The feedback part: every paragraph of the candidate's text as its own text run (no Markdown, no links: the candidate's
    /// name is in it), then the button; once sent, one line saying by whom and when.
    /// </summary>
    private static void AddFeedback(JsonArray body, Decisions.FeedbackOnCard feedback)
    {
        var items = new JsonArray();
        if (feedback.Sent is { } sent)
        {
            items.Add(Runs($"Feedback sent to {feedback.CandidateName} by {sent.By} on {When(sent.At)}.", bold: true));
            body.Add(new JsonObject { ["type"] = "Container", ["id"] = "feedback", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items });
            return;
        }

        items.Add(Runs($"Feedback {feedback.CandidateName} would get (not sent):", bold: true));
        foreach (var paragraph in feedback.Text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            items.Add(Runs(paragraph));
        }

        body.Add(new JsonObject { ["type"] = "Container", ["id"] = "feedback", ["separator"] = true, ["spacing"] = "Medium", ["items"] = items });
        var send = Execute("Send feedback", FeedbackValue, feedback.Confirmation.InterviewId, "positive");
        send["data"]![DecisionIdKey] = feedback.Confirmation.DecisionId;
        body.Add(new JsonObject { ["type"] = "ActionSet", ["id"] = "feedback-send", ["actions"] = new JsonArray { send } });
    }

    /// <summary>The scorecard's Slack messages, the decision blocks added to the main one (moving its last blocks to a continuation when full).</summary>
    public static IReadOnlyList<SlackMessage> SlackMessages(Scorecard scorecard, DecisionHistory decisions)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(decisions);
        var messages = BlockKitRenderer.RenderScorecard(scorecard).ToList();
        var panel = SlackBlocks(scorecard.InterviewId, decisions);
        var head = messages[0].Blocks;
        var moved = new JsonArray();
        while (head.Count > 1 && (head.Count + panel.Count > BlockKitLimits.BlocksPerMessage || BlockKitRenderer.TextLength(head) + BlockKitRenderer.TextLength(panel) > BlockKitLimits.MessageCharacters))
        {
            var last = head[^1]!;
            head.RemoveAt(head.Count - 1);
            moved.Insert(0, last);
        }

        foreach (var block in panel)
        {
            head.Add(block!.DeepClone());
        }

        if (moved.Count > 0)
        {
            messages.Insert(1, new SlackMessage($"Scorecard of {scorecard.CandidateName} (continued)", moved));
        }

        return messages;
    }

    /// <summary>The decision blocks alone: status, details, the note input, buttons.</summary>
    public static JsonArray SlackBlocks(string interviewId, DecisionHistory decisions)
    {
        ArgumentNullException.ThrowIfNull(interviewId);
        ArgumentNullException.ThrowIfNull(decisions);
        // Inert, not just escaped: a note's *stars* or line breaks must not restyle or reshape the panel.
        var lines = string.Join("\n", Details(decisions).Select(SlackMrkdwn.Inert));
        var blocks = new JsonArray
        {
            new JsonObject { ["type"] = "divider" },
            new JsonObject
            {
                ["type"] = "section",
                ["block_id"] = "decision-status",
                ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = SlackMrkdwn.Trim("*" + SlackMrkdwn.Inert(Status(decisions)) + "*" + (lines.Length > 0 ? "\n" + lines : string.Empty), BlockKitLimits.SectionText) },
            },
            SlackNoteInput(interviewId, decisions),
            new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = SlackBlockPrefix + interviewId,
                ["elements"] = new JsonArray
                {
                    SlackButton("Advance", HiringDecision.Advance.ToVerb(), "primary"),
                    SlackButton("Reject", HiringDecision.Reject.ToVerb(), "danger"),
                    SlackButton("Hold", HiringDecision.Hold.ToVerb(), null),
                    SlackButton("Add note", NoteValue, null),
                },
            },
        };
        return blocks;
    }

    /// <summary>
    /// The multiline note field. Its block id changes with every entry (Slack: "if a message is updated, use a new
    /// block_id"), so the refreshed message shows an empty field rather than the note just saved.
    /// </summary>
    private static JsonObject SlackNoteInput(string interviewId, DecisionHistory decisions) => new()
    {
        ["type"] = "input",
        ["block_id"] = SlackNoteBlockPrefix + interviewId + "|" + decisions.Entries.Count.ToString(CultureInfo.InvariantCulture),
        ["optional"] = true,
        ["label"] = new JsonObject { ["type"] = "plain_text", ["text"] = NoteLabel },
        ["hint"] = new JsonObject { ["type"] = "plain_text", ["text"] = string.Create(CultureInfo.InvariantCulture, $"Add note saves it alone; Advance, Reject or Hold saves it as the reason. Up to {DecisionEntry.MaxTextLength:N0} characters.") },
        ["element"] = new JsonObject
        {
            ["type"] = "plain_text_input",
            ["action_id"] = SlackNoteActionId,
            ["multiline"] = true,
            ["max_length"] = DecisionEntry.MaxTextLength,
            ["placeholder"] = new JsonObject { ["type"] = "plain_text", ["text"] = NotePlaceholder },
        },
    };

    /// <summary>Whether <paramref name="blockId"/> (a key of <c>state.values</c>) is the note input of interview <paramref name="interviewId"/>.</summary>
    public static bool IsSlackNoteBlock(string? blockId, string interviewId) =>
        blockId is { Length: <= BlockKitLimits.BlockId } id && id.StartsWith(SlackNoteBlockPrefix + interviewId + "|", StringComparison.Ordinal);

    /// <summary>Block id of the Slack "Send feedback" button; its value is <see cref="Decisions.FeedbackConfirmation.Value"/>.</summary>
    public const string SlackFeedbackBlockId = "feedback-send";

    /// <summary>The actions block with the button that sends the previewed feedback to the candidate.</summary>
    public static JsonObject SlackFeedbackBlock(Decisions.FeedbackConfirmation confirmation)
    {
        ArgumentNullException.ThrowIfNull(confirmation);
        var button = SlackButton("Send feedback", confirmation.Value, "primary");
        button["action_id"] = "feedback-send";
        return new JsonObject { ["type"] = "actions", ["block_id"] = SlackFeedbackBlockId, ["elements"] = new JsonArray { button } };
    }

    /// <summary>The interview id of a Slack decision block id, or null when <paramref name="blockId"/> is not one.</summary>
    public static string? InterviewIdOf(string? blockId) =>
        blockId is { Length: > 0 and <= BlockKitLimits.BlockId } id && id.StartsWith(SlackBlockPrefix, StringComparison.Ordinal) && id.Length > SlackBlockPrefix.Length
            ? id[SlackBlockPrefix.Length..]
            : null;

    /// <summary>"Advanced by Ana on 2026-12-07 18:20 UTC", or "No decision yet".</summary>
    public static string Status(DecisionHistory decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        return decisions.Current is { Decision: { } decision } current
            ? $"{decision.ToDisplay()} by {current.By} on {When(current.At)}"
            : "No decision yet";
    }

    /// <summary>The reason, earlier decisions and the latest notes, one line each.</summary>
    public static IEnumerable<string> Details(DecisionHistory decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (decisions.Current is { Text.Length: > 0 } current)
        {
            yield return "Reason: " + ReportText.Trim(current.Text, 300);
        }

        foreach (var earlier in decisions.Earlier.TakeLast(ShownNotes))
        {
            yield return $"Earlier: {earlier.Decision!.Value.ToDisplay()} by {earlier.By} on {When(earlier.At)}";
        }

        foreach (var note in decisions.Notes.TakeLast(ShownNotes))
        {
            yield return $"Note from {note.By} ({When(note.At)}): {ReportText.Trim(note.Text ?? string.Empty, 300)}";
        }
    }

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>Text runs render no Markdown, so a name or note shows as typed.</summary>
    private static JsonObject Runs(string text, bool bold = false, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = ReportText.Trim(text, 1_000) };
        if (bold)
        {
            run["weight"] = "Bolder";
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }

    private static JsonObject Execute(string title, string value, string interviewId, string? style)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["title"] = title,
            ["verb"] = Verb,
            ["data"] = new JsonObject { [Verb] = value, ["interviewId"] = interviewId },
        };
        if (style is not null)
        {
            action["style"] = style;
        }

        return action;
    }

    private static JsonObject SlackButton(string title, string value, string? style)
    {
        var button = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = "decision-" + value,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = title },
            ["value"] = value,
        };
        if (style is not null)
        {
            button["style"] = style;
        }

        return button;
    }
}
