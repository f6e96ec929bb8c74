using System.Text.Json.Nodes;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Does the work behind Slack's acknowledgement: runs <c>/screen</c> commands through the shared
/// <see cref="RecruiterCommandService"/>, and candidate DMs and button clicks through <see cref="InterviewService"/>.
/// </summary>
internal sealed class SlackRequestProcessor(
    RecruiterCommandService commands,
    InterviewService interviews,
    IInterviewStore store,
    SlackWebApiClient slack,
    SlackConversationChannel conversations,
    SlackCandidateChannel candidates,
    SlackRecruiterGroup recruiterGroup,
    SlackBotIdentity identity,
    ILogger<SlackRequestProcessor> logger)
{
    public const string CommandPrefix = "/screen";

    public const string NoInterviewText =
        "Hi! I'm the screening assistant. I talk with candidates a recruiter has invited, and I don't have a screen open for you right now. " +
        "If you expected one, please contact your recruiter.";

    public const string StaleClickText = "That question has already been answered. Please answer the latest question below.";

    public const string StorageDownText = "Sorry, I couldn't save that just now. Please send your answer again in a minute.";

    public Task ProcessAsync(SlackWork work, CancellationToken cancellationToken) => work switch
    {
        SlackCommandWork c => RunCommandAsync(c, cancellationToken),
        SlackMessageWork m => HandleMessageAsync(m, cancellationToken),
        SlackButtonWork b => HandleClickAsync(b, cancellationToken),
        _ => throw new ArgumentException($"Unknown Slack work {work?.GetType().Name}.", nameof(work)),
    };

    /// <summary>The context of a command typed by <paramref name="userId"/> in <paramref name="channelId"/>.</summary>
    public static CommandContext Context(string userId, string userName, string channelId, bool preAuthorized) => new(
        SlackConversationChannel.ChannelId,
        new Participant(userId, userName),
        new ConversationAddress { ChannelId = SlackConversationChannel.ChannelId, ConversationId = channelId },
        CommandPrefix,
        preAuthorized);

    /// <summary>The messages that answer a command: its text, then the scorecard (if any) as Block Kit.</summary>
    public static IReadOnlyList<SlackMessage> Render(CommandResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var messages = new List<SlackMessage> { BlockKitRenderer.RenderText(response.Text) };
        if (response.Scorecard is { } scorecard)
        {
            messages.AddRange(BlockKitRenderer.RenderScorecard(scorecard));
        }

        return messages;
    }

    private async Task RunCommandAsync(SlackCommandWork work, CancellationToken cancellationToken)
    {
        var command = RecruiterCommandParser.Parse(work.Text);
        var preAuthorized = await recruiterGroup.IsMemberAsync(work.UserId, cancellationToken);
        CommandResponse response;
        try
        {
            response = await commands.ExecuteAsync(command, Context(work.UserId, work.UserName, work.ChannelId, preAuthorized), candidates, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            SlackLog.CommandStorageUnavailable(logger, work.ChannelId, e);
            response = CommandResponse.Refused("Storage is unavailable right now, so nothing was changed. Please try again in a minute.");
        }

        foreach (var message in Render(response))
        {
            await AnswerRecruiterAsync(work, message, cancellationToken);
        }
    }

    /// <summary>Through the command's response_url (ephemeral); if that no longer works, as an ephemeral message in the channel.</summary>
    private async Task AnswerRecruiterAsync(SlackCommandWork work, SlackMessage message, CancellationToken cancellationToken)
    {
        var body = (message with { ThreadTs = null }).ToJson();
        body["response_type"] = "ephemeral";
        try
        {
            await slack.RespondAsync(work.ResponseUrl, body, cancellationToken);
            return;
        }
        catch (SlackApiException e)
        {
            SlackLog.CommandAnswerUndelivered(logger, work.ChannelId, $"response_url: {e.ErrorCode}");
        }

        try
        {
            await slack.PostEphemeralAsync(work.ChannelId, work.UserId, message with { ThreadTs = null }, cancellationToken);
        }
        catch (SlackApiException e)
        {
            SlackLog.CommandAnswerUndelivered(logger, work.ChannelId, $"chat.postEphemeral: {e.ErrorCode}");
        }
    }

    private async Task HandleMessageAsync(SlackMessageWork work, CancellationToken cancellationToken)
    {
        if (await identity.GetUserIdAsync(cancellationToken) is { } botUser && botUser == work.UserId)
        {
            SlackLog.EventIgnored(logger, work.EventId, "posted by the bot itself");
            return;
        }

        // The message's ts ("1712345678.123456", Unix seconds) says when it was sent; the dialog keeps it within what is plausible.
        var sentAt = decimal.TryParse(work.MessageId, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var ts) && ts is > 0 and < 100_000_000_000m ? DateTimeOffset.FromUnixTimeMilliseconds((long)(ts * 1000)) : (DateTimeOffset?)null;
        await RunTurnAsync(work.ChannelId, new IncomingMessage(work.Text, work.MessageId) { SentAt = sentAt }, onProcessed: null, cancellationToken);
    }

    private async Task HandleClickAsync(SlackButtonWork work, CancellationToken cancellationToken)
    {
        var key = Address(work.ChannelId).Key;
        var clickedQuestion = BlockKitRenderer.QuestionIdOf(work.Action.BlockId) ?? string.Empty;
        var stored = await store.FindByConversationAsync(key, cancellationToken);
        if (stored is not null && stored.Interview.Candidate.Id != work.UserId)
        {
            SlackLog.EventIgnored(logger, null, "a button click by someone other than the candidate");
            return;
        }

        var pending = stored?.Interview.State.Pending?.Prompt.QuestionId;
        if (stored is { Interview.State.IsEnded: false } && clickedQuestion.Length > 0 && pending is not null && pending != clickedQuestion)
        {
            SlackLog.StaleClick(logger, work.ChannelId, clickedQuestion, pending);
            await RespondQuietlyAsync(work, new JsonObject { ["response_type"] = "ephemeral", ["replace_original"] = false, ["text"] = StaleClickText }, cancellationToken);
            return;
        }

        var chosen = work.Action.Text?.Text is { Length: > 0 } title ? title : work.Action.Value ?? string.Empty;
        var message = new IncomingMessage(string.Empty, "click:" + work.MessageTs, work.Action.Value ?? string.Empty);
        await RunTurnAsync(work.ChannelId, message, () => MarkAnsweredAsync(work, chosen, cancellationToken), cancellationToken);
    }

    /// <summary>Replaces the clicked prompt's buttons with what was chosen, so it reads like a chat and cannot be answered twice.</summary>
    private async Task MarkAnsweredAsync(SlackButtonWork work, string chosen, CancellationToken cancellationToken)
    {
        var blocks = BlockKitRenderer.AnsweredBlocks(work.Interaction.Message?.Blocks, chosen);
        var text = work.Interaction.Message?.Text is { Length: > 0 } original ? original : "Answered: " + SlackMrkdwn.Escape(chosen);
        try
        {
            await slack.UpdateMessageAsync(work.ChannelId, work.MessageTs, new SlackMessage(text, blocks), cancellationToken);
        }
        catch (SlackApiException)
        {
            // Logged by the client; the answer itself was taken, the old buttons just stay visible.
        }
    }

    private async Task RespondQuietlyAsync(SlackButtonWork work, JsonObject body, CancellationToken cancellationToken)
    {
        if (work.Interaction.ResponseUrl is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return;
        }

        try
        {
            await slack.RespondAsync(uri, body, cancellationToken);
        }
        catch (SlackApiException)
        {
            // Logged by the client; a hint the candidate misses does no harm.
        }
    }

    private async Task RunTurnAsync(string channelId, IncomingMessage message, Func<Task>? onProcessed, CancellationToken cancellationToken)
    {
        var address = Address(channelId);
        InterviewTurnResult result;
        try
        {
            result = await interviews.HandleMessageAsync(address.Key, message, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            SlackLog.TurnStorageUnavailable(logger, channelId, e);
            await conversations.SendAsync(address, [Reply.Message(StorageDownText)], cancellationToken);
            return;
        }

        SlackLog.TurnHandled(logger, channelId, result.Status.ToString(), result.Replies.Count, result.Interview?.Id);
        if (result.Status == InterviewTurnStatus.NoInterview)
        {
            await conversations.SendAsync(address, [Reply.Message(NoInterviewText)], cancellationToken);
            return;
        }

        if (result.Status == InterviewTurnStatus.Processed && onProcessed is not null)
        {
            await onProcessed();
        }

        await conversations.SendAsync(address, result.Replies, cancellationToken);
    }

    private static ConversationAddress Address(string channelId) =>
        new() { ChannelId = SlackConversationChannel.ChannelId, ConversationId = channelId };
}
