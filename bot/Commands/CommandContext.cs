using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Commands;

/// <summary>Who issued a recruiter command, and where.</summary>
/// <param name="ChannelId"><c>slack</c>, <c>msteams</c>, <c>playground</c>…</param>
/// <param name="Recruiter">The person who typed the command.</param>
/// <param name="Source">Where the command was typed; the scorecard goes there when the profile names no hiring channel.</param>
/// <param name="CommandPrefix">How the user invokes commands here (<c>/screen</c>, <c>@Screener</c>), for usage messages.</param>
/// <param name="PreAuthorized">True when the channel adapter already established the right to recruit by a channel rule
/// (member of a configured Teams team or Slack user group, or the local playground).</param>
internal sealed record CommandContext(
    string ChannelId,
    Participant Recruiter,
    ConversationAddress Source,
    string CommandPrefix,
    bool PreAuthorized = false);
