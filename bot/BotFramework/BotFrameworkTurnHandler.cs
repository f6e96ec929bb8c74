using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Runs one authenticated activity: recruiter commands in channels (and from configured recruiters in 1:1 chats without an
/// interview), candidate turns in 1:1 chats, and the welcome when the bot is added to a conversation. Replies go to the
/// given <see cref="ITurnOutput"/>. Throws <see cref="Dialogs.Storage.StorageUnavailableException"/> when storage is down.
/// </summary>
internal sealed class BotFrameworkTurnHandler(
    InterviewService interviews,
    RecruiterCommandService commands,
    TeamsCandidateChannel candidates,
    IOptions<RecruiterOptions> recruiters,
    TimeProvider time,
    ILogger<BotFrameworkTurnHandler> logger,
    PlaygroundChannel? playground = null)
{
    private const string DefaultPrefix = "@Screener";

    public Task HandleAsync(Activity activity, ITurnOutput output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(output);
        if (activity.Type == ActivityType.Message)
        {
            return OnMessageAsync(activity, output, cancellationToken);
        }

        return activity.Type == ActivityType.ConversationUpdate ? OnConversationUpdateAsync(activity, output, cancellationToken) : Task.CompletedTask;
    }

    private async Task OnMessageAsync(Activity activity, ITurnOutput output, CancellationToken cancellationToken)
    {
        if (activity.Text is { } text)
        {
            BotFrameworkLog.ActivityText(logger, activity.Id, text);
        }

        if (activity.Conversation is not { IsPersonal: true })
        {
            await RunCommandAsync(activity, output, cancellationToken);
            return;
        }

        var address = ActivityMapper.AddressOf(activity);
        InterviewTurnResult result;
        await using (TypingIndicator.Start(output, time, address.ConversationId, logger, cancellationToken))
        {
            result = await interviews.HandleMessageAsync(address.Key, ActivityMapper.MessageOf(activity), cancellationToken);
        }

        if (result.Status == InterviewTurnStatus.NoInterview)
        {
            if (IsConfiguredRecruiter(activity.From))
            {
                await RunCommandAsync(activity, output, cancellationToken);
            }
            else
            {
                await output.SendAsync(ReplyActivities.FromReply(Dialogs.Conversation.Reply.Message(BotFrameworkText.NoScreen), activity.ChannelId), cancellationToken);
            }

            return;
        }

        foreach (var reply in result.Replies)
        {
            await output.SendAsync(ReplyActivities.FromReply(reply, activity.ChannelId), cancellationToken);
        }
    }

    private async Task RunCommandAsync(Activity activity, ITurnOutput output, CancellationToken cancellationToken)
    {
        var command = RecruiterCommandParser.Parse(TeamsText.RemoveBotMention(activity), TeamsText.OtherMentions(activity));
        var team = TeamsChannelData.From(activity.ChannelData).TeamId;
        var from = activity.From ?? new ChannelAccount();
        var context = new CommandContext(
            activity.ChannelId ?? "unknown",
            new Participant(from.Id ?? "unknown", from.Name ?? string.Empty, from.AadObjectId),
            ActivityMapper.AddressOf(activity),
            PrefixOf(activity),
            PreAuthorized: (team is not null && recruiters.Value.RecruiterTeams.Contains(team, StringComparer.OrdinalIgnoreCase))
                || playground?.PreAuthorizes(activity.ChannelId) == true);
        var response = await commands.ExecuteAsync(command, context, candidates, cancellationToken);
        foreach (var answer in ReplyActivities.FromCommandResponse(context.ChannelId, response.Text, response.Scorecard))
        {
            await output.SendAsync(answer, cancellationToken);
        }
    }

    private async Task OnConversationUpdateAsync(Activity activity, ITurnOutput output, CancellationToken cancellationToken)
    {
        var botId = activity.Recipient?.Id;
        if (botId is null || activity.MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.OrdinalIgnoreCase)) != true)
        {
            // Someone else joined: no message (teams.md §2: don't greet every member of a large team).
            return;
        }

        var personal = activity.Conversation is { IsPersonal: true } && TeamsChannelData.From(activity.ChannelData).TeamId is null;
        var text = personal ? BotFrameworkText.PersonalWelcome : BotFrameworkText.TeamWelcome(PrefixOf(activity));
        await output.SendAsync(ReplyActivities.FromReply(Dialogs.Conversation.Reply.Message(text), activity.ChannelId), cancellationToken);
        BotFrameworkLog.Welcomed(logger, personal ? "personal" : "team", activity.Conversation!.Id!);
    }

    private bool IsConfiguredRecruiter(ChannelAccount? from) =>
        from is not null && recruiters.Value.Recruiters.Any(r =>
            string.Equals(r, from.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, from.AadObjectId, StringComparison.OrdinalIgnoreCase));

    private static string PrefixOf(Activity activity) =>
        activity.Recipient?.Name is { Length: > 0 } name && activity.ChannelId == "msteams" ? "@" + name : DefaultPrefix;
}
