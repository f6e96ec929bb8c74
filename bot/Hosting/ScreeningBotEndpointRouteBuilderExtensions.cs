using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Compliance;
using ScreeningBot.Bot.Health;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Slack;

namespace ScreeningBot.Bot.Hosting;

/// <summary>Maps the bot's HTTP endpoints.</summary>
public static class ScreeningBotEndpointRouteBuilderExtensions
{
    public static WebApplication MapScreeningBotEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseInterviewLinkRateLimits();
        app.MapReportEndpoints();
        Decisions.ExportEndpoints.MapExportEndpoints(app);
        app.MapExportEndpoints();
        app.MapScreeningBotHealthChecks();
        app.MapSlackEndpoints();
        app.MapBotFrameworkEndpoints();
        app.MapPlayground();
        app.MapInterviewLinks();
        return app;
    }
}
