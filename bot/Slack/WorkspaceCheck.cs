namespace ScreeningBot.Bot.Slack;

/// <summary>Where a verified request comes from, as far as this bot is concerned.</summary>
internal enum WorkspaceCheck
{
    /// <summary>A workspace and app this bot serves.</summary>
    Served,

    /// <summary>Another workspace or app: ignored.</summary>
    Foreign,

    /// <summary>The bot token's own workspace could not be learned from Slack just now: ask Slack to retry.</summary>
    Unknown,
}
