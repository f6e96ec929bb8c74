using Microsoft.Extensions.DependencyInjection.Extensions;
using ScreeningBot.Bot.Telemetry;

namespace ScreeningBot.Bot.Turns;

/// <summary>Registers the turn host every channel hands its turns to.</summary>
internal static class TurnServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="TurnOptions"/> (section <c>Turns</c>) and validates it at start-up; registers <see cref="TurnHost"/> and
    /// <see cref="TurnQueue"/>, which the host waits for on shutdown. Channels add their <see cref="IRecruiterRule"/>s.
    /// </summary>
    public static IServiceCollection AddTurnHost(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<TurnOptions, TurnOptionsValidator>().BindConfiguration(TurnOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotMetrics();
        services.TryAddSingleton<TurnHost>();
        services.TryAddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        return services;
    }
}
