namespace ScreeningBot.Bot.Slack;

/// <summary>Where the answers to one Slack request go (see <see cref="SlackTurnReplies"/>).</summary>
internal enum SlackReplyRoute
{
    /// <summary>Messages in the conversation the request came from (a candidate's DM).</summary>
    Conversation,

    /// <summary>To the person who ran a slash command alone, through its <c>response_url</c>.</summary>
    Requester,

    /// <summary>In the HTTP response to the request itself (usage help, answered at once).</summary>
    HttpResponse,
}
