using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Bot.Slack;
using ScreeningBot.Bot.Storage;

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
        builder.Services.AddSlack(builder.Configuration);
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddPlayground(builder.Configuration);
        builder.Services.AddHostedService<StartupChecks>();
        return builder;
    }
}
