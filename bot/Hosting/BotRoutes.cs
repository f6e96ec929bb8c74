namespace ScreeningBot.Bot.Hosting;

/// <summary>The bot's HTTP routes, in one place (manifests and tests check against these).</summary>
internal static class BotRoutes
{
    /// <summary>Bot Framework messaging endpoint (Teams, Web Chat, Direct Line, Azure Bot Service Slack).</summary>
    public const string Messages = "/api/messages";

    public const string SlackCommands = "/api/slack/commands";

    public const string SlackEvents = "/api/slack/events";

    public const string SlackInteractions = "/api/slack/interactions";

    public const string Health = "/healthz";

    /// <summary>The full report behind a signed link (bot/Reports/ReportLinks).</summary>
    public const string Report = "/reports/{interviewId}";

    /// <summary>A recruiter's export as a file behind a signed link (bot/Decisions/ExportLinks).</summary>
    public const string Export = Decisions.ExportLinks.Route;

    /// <summary>Local playground page (only while Bot Framework authentication is off; see Playground/PlaygroundChannel).</summary>
    public const string Playground = "/";
}
