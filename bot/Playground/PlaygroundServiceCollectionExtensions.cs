using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Playground;

/// <summary>Registers the local playground: options, the on/off decision, the connector's in-memory store, and the start-up notice.</summary>
internal static class PlaygroundServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="PlaygroundOptions"/> (section <c>Playground</c>) and validates it at start-up. Registration is harmless
    /// when the playground is off: nothing is mapped and the store stays empty.
    /// </summary>
    public static IServiceCollection AddPlayground(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PlaygroundOptions>().Bind(configuration.GetSection(PlaygroundOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PlaygroundOptions>, PlaygroundOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlaygroundChannel>();
        services.TryAddSingleton<PlaygroundConversationStore>();
        services.AddHostedService<PlaygroundStartupNotice>();
        return services;
    }
}
