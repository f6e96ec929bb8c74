using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>Registers interview links.</summary>
internal static class InterviewLinkServiceCollectionExtensions
{
    /// <summary>
    /// What minting links needs, for the server and the command line alike: <see cref="InterviewLinkOptions"/> (section
    /// <c>InterviewLinks</c>, validated at start-up) and <see cref="InterviewLinkTokens"/>.
    /// </summary>
    public static IServiceCollection AddInterviewLinkTokens(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<InterviewLinkOptions, InterviewLinkOptionsValidator>().BindConfiguration(InterviewLinkOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InterviewLinkTokens>();
        return services;
    }

    /// <summary>The channel: the page's adapter, the conversation channel for link addresses, the news feed and the rate limits.</summary>
    public static IServiceCollection AddInterviewLinks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddInterviewLinkTokens();
        services.TryAddSingleton<InterviewLinkFeed>();
        services.TryAddSingleton<InterviewLinkChannel>();
        services.AddSingleton<IConversationChannel>(sp => sp.GetRequiredService<InterviewLinkChannel>());
        services.TryAddSingleton<ConversationHistory>();
        services.TryAddSingleton<InterviewLinkAdapter>();
        services.AddInterviewLinkRateLimits();
        return services;
    }
}
