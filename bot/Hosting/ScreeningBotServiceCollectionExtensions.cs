using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Health;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Bot.Slack;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Hosting;

/// <summary>Composition root: everything the bot needs, picked from configuration.</summary>
public static class ScreeningBotServiceCollectionExtensions
{
    public static WebApplicationBuilder AddScreeningBot(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScreeningBotStorage(builder.Configuration);
        builder.Services.AddScreeningCore(builder.Configuration);
        builder.Services.AddTurnHost();
        builder.Services.AddBotFramework();
        builder.Services.AddSlack();
        builder.Services.AddPlayground();
        builder.Services.AddScreeningBotTelemetry(builder.Configuration);
        builder.Services.AddScreeningBotHealthChecks(builder.Configuration);
        builder.Services.AddInterviewLinks();
        builder.Services.AddHostedService<StartupChecks>();
        builder.Services.AddSingleton<Reminders.ReminderWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Reminders.ReminderWorker>());
        return builder;
    }
}
