namespace ScreeningBot.Bot.Turns;

/// <summary>What an inbound turn is, as far as routing goes.</summary>
internal enum TurnKind
{
    /// <summary>A message in a 1:1 chat: a candidate's answer, or a recruiter's command when they have no screen of their own.</summary>
    Message,

    /// <summary>A recruiter command: typed in a channel or group, or a Slack slash command.</summary>
    Command,

    /// <summary>The bot was added to a conversation: it introduces itself.</summary>
    BotAdded,
}
