using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Slack;
using ScreeningBot.Bot.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// The services the candidate-rights verbs (<c>forget</c>, <c>export-candidate</c>, <c>verify-audit</c>,
/// <c>adverse-impact</c>) run on: the configured storage, and for <c>forget</c> the channels as the bot is configured for
/// them (Bot Connector credentials, Slack token), so erasure from the command line reaches Teams and Slack too.
/// </summary>
internal static class ComplianceCliServices
{
    public static ServiceProvider Build(CliContext context, bool withChannels)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        services.AddOptionsWithValidateOnStart<ReportOptions, ReportOptionsValidator>().BindConfiguration(ReportOptions.SectionName);
        services.TryAddSingleton<ReportLinks>();
        services.TryAddSingleton<ChannelRouter>(); // without channels (export) it knows none, and nothing asks it to post
        if (withChannels)
        {
            services.AddBotFramework();
            services.AddSlack();
        }

        services.AddCandidateRights();
        return services.BuildServiceProvider();
    }
}
