namespace ScreeningBot.Bot.Hosting;

/// <summary>The bot's HTTP routes, in one place (manifests and tests check against these).</summary>
internal static class BotRoutes
{
    /// <summary>Bot Framework messaging endpoint (Teams, Web Chat, Direct Line, Azure Bot Service Slack).</summary>
    public const string Messages = "/api/messages";

    public const string SlackCommands = "/api/slack/commands";

    public const string SlackEvents = "/api/slack/events";

    public const string SlackInteractions = "/api/slack/interactions";

    /// <summary>Liveness: the process answers HTTP.</summary>
    public const string Health = "/healthz";

    /// <summary>Readiness: storage (and the LLM judge's model, when configured) answers; App Service's health check probes it.</summary>
    public const string Ready = "/healthz/ready";

    /// <summary>The full report behind a signed link (bot/Reports/ReportLinks).</summary>
    public const string Report = "/reports/{interviewId}";

    /// <summary>A recruiter's export of a profile's screens as a file behind a signed link (bot/Decisions/ExportLinks).</summary>
    public const string ScreenExport = Decisions.ExportLinks.Route;

    /// <summary>Everything stored about a candidate, as JSON, behind a signed one-hour link (bot/Compliance/ExportEndpoints).</summary>
    public const string Export = "/exports/{token}";

    /// <summary>A candidate's interview page behind a signed link (bot/InterviewLinks); its API is <c>{Interview}/messages</c>.</summary>
    public const string Interview = "/interview/{token}";

    /// <summary>Local playground page (only while Bot Framework authentication is off; see Playground/PlaygroundChannel).</summary>
    public const string Playground = "/";
}
