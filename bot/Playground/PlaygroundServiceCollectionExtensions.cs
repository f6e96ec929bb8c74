using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Playground;

/// <summary>Registers the local playground: options, the on/off decision (which also lets the page recruit), the connector's in-memory store, and the start-up notice.</summary>
internal static class PlaygroundServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PlaygroundOptions"/> (section <c>Playground</c>) and validates it at start-up. Registration is harmless
    /// when the playground is off: nothing is mapped and the store stays empty.
    /// </summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<PlaygroundOptions, PlaygroundOptionsValidator>().BindConfiguration(PlaygroundOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaygroundChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecruiterRule, PlaygroundChannel>(sp => sp.GetRequiredService<PlaygroundChannel>()));
        services.TryAddSingleton<PlaygroundConversationStore>();
        services.AddHostedService<PlaygroundStartupNotice>();
        return services;
    }
}
