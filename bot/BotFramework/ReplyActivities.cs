using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Puts channel-neutral replies, command answers and scorecards into outbound activities (unaddressed: the sender fills in
/// conversation and accounts), with the cards from bot/Rendering: an Adaptive Card under prompts with choices, or Block Kit
/// in <c>channelData</c> for Slack through Azure Bot Service.
/// </summary>
internal static class ReplyActivities
{
    /// <summary>Azure Bot Service's Slack channel: Slack renders no Adaptive Cards (ABS turns them into images), so Block Kit goes in <c>channelData</c>.</summary>
    public static bool UsesBlockKit(string? channelId) => string.Equals(channelId, "slack", StringComparison.OrdinalIgnoreCase);

    /// <summary>A reply for a conversation on <paramref name="channelId"/>.</summary>
    public static Activity FromReply(Reply reply, string? channelId)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (!UsesBlockKit(channelId))
        {
            return FromReply(reply);
        }

        // The text lists the options too, so a Slack client (or an ABS path) that drops the buttons still works.
        var message = BlockKitRenderer.RenderReply(reply);
        var text = reply.Choices.Count == 0
            ? message.Text
            : $"{message.Text}\n{string.Join("   ", reply.Choices.Select((c, i) => $"{i + 1}. {c.Title}"))}";
        return new Activity
        {
            Type = ActivityType.Message,
            Text = text,
            ChannelData = ToElement(message with { Text = text }),
        };
    }

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
            Attachments = reply.Choices.Count == 0 ? null : [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = AdaptiveCardRenderer.RenderPrompt(reply) }],
        };
    }

    /// <summary>
    /// A recruiter-facing answer: text, then the scorecard in the channel's format when there is one. The text's untrusted
    /// values (<see cref="MarkedText"/>) become inert: escaped Markdown on Teams and Web Chat, inert mrkdwn on Slack.
    /// </summary>
    public static IReadOnlyList<Activity> FromCommandResponse(string channelId, string text, Scorecard? scorecard)
    {
        if (UsesBlockKit(channelId))
        {
            var answer = BlockKitRenderer.RenderText(text);
            return [new Activity { Type = ActivityType.Message, Text = answer.Text, ChannelData = ToElement(answer) }, .. scorecard is null ? [] : Scorecard(channelId, scorecard)];
        }

        return
        [
            new Activity
            {
                Type = ActivityType.Message,
                Text = MarkedText.Render(text, TeamsText.ToTeamsMarkdown, ReportText.InertMarkdown),
                TextFormat = "markdown",
                Attachments = scorecard is null ? null : [AdaptiveCard(scorecard)],
            },
        ];
    }

    /// <summary>
    /// The scorecard as activities in the format of the hiring conversation's channel: one Adaptive Card 1.5 (Teams,
    /// Web Chat), or for Slack through Azure Bot Service one or more Block Kit messages in <c>channelData</c>.
    /// </summary>
    /// <param name="decisions">When set, the scorecard carries its decision panel (<see cref="DecisionPanel"/>): posted to a hiring conversation.</param>
    /// <param name="feedback">The candidate feedback under the current decision, on Adaptive Cards only (Block Kit previews it to the recruiter alone).</param>
    public static IReadOnlyList<Activity> Scorecard(string channelId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory? decisions = null, Decisions.FeedbackOnCard? feedback = null)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (UsesBlockKit(channelId))
        {
            var messages = decisions is null ? BlockKitRenderer.RenderScorecard(scorecard) : DecisionPanel.SlackMessages(scorecard, decisions);
            return [.. messages.Select(m => new Activity { Type = ActivityType.Message, Text = m.Text, ChannelData = ToElement(m) })];
        }

        return
        [
            new Activity
            {
                Type = ActivityType.Message,
                Text = $"**Screening scorecard**: {ReportText.InertMarkdown(scorecard.CandidateName)}, {ReportText.InertMarkdown(scorecard.ProfileTitle)}",
                TextFormat = "markdown",
                Summary = $"Scorecard: {scorecard.CandidateName}",
                Attachments = [decisions is null ? AdaptiveCard(scorecard) : new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = DecisionPanel.AdaptiveCard(scorecard, decisions, feedback) }],
            },
        ];
    }

    /// <summary>A "not screened" notice as one activity in the hiring conversation's format: an Adaptive Card, or Block Kit for Slack through Azure Bot Service.</summary>
    public static Activity Notice(string channelId, Dialogs.Compliance.ScreeningNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (UsesBlockKit(channelId))
        {
            var message = BlockKitRenderer.RenderNotScored(NotScoredOutcome.From(notice));
            return new Activity { Type = ActivityType.Message, Text = message.Text, ChannelData = ToElement(message) };
        }

        var outcome = NotScoredOutcome.From(notice);
        return new Activity
        {
            Type = ActivityType.Message,
            Text = $"**{outcome.Headline}**",
            TextFormat = "markdown",
            Summary = outcome.Headline,
            Attachments = [new() { ContentType = Attachment.AdaptiveCardContentType, Content = AdaptiveCardRenderer.RenderNotScored(outcome) }],
        };
    }

    /// <summary>What replaces a posted message that a channel would not delete (erasure).</summary>
    public static Activity Tombstone() => new() { Type = ActivityType.Message, Text = Channels.ChannelRemovalText.Tombstone };

    public static Activity Typing() => new() { Type = ActivityType.Typing };

    private static Attachment AdaptiveCard(Scorecard scorecard) =>
        new() { ContentType = Attachment.AdaptiveCardContentType, Content = AdaptiveCardRenderer.Render(scorecard) };

    /// <summary>A Slack message object as raw <c>channelData</c> (ABS passes it to Slack as the native message).</summary>
    private static System.Text.Json.JsonElement ToElement(SlackMessage message)
    {
        using var document = System.Text.Json.JsonDocument.Parse(message.ToJson().ToJsonString());
        return document.RootElement.Clone();
    }
}
