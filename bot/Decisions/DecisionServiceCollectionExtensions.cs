using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Decisions;

/// <summary>Registers the outbound webhook of the decision loop.</summary>
internal static class DecisionServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates section <c>Webhook</c>; registers <see cref="WebhookPublisher"/>, <see cref="WebhookDispatcher"/>
    /// with its HTTP client and, unless storage registered one, an in-memory dead-letter store, and wraps the registered <see cref="IScorecardPublisher"/> so a posted scorecard raises its event.
    /// Call after the scorecard publisher is registered (AddCandidateRights).
    /// </summary>
    public static IServiceCollection AddDecisionWebhook(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<WebhookOptions, WebhookOptionsValidator>().BindConfiguration(WebhookOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookCrossFieldValidator>());
        services.AddHttpClient(WebhookDispatcher.HttpClientName, client => client.Timeout = TimeSpan.FromMinutes(3))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        // The storage provider's store when AddScreeningBotStorage ran first (the bot); else in memory, like the job queue there.
        services.TryAddSingleton<Storage.IWebhookDeadLetterStore, Storage.InMemoryWebhookDeadLetterStore>();
        services.TryAddSingleton<WebhookPublisher>();
        services.TryAddSingleton<WebhookDispatcher>();
        services.Decorate<IScorecardPublisher>((inner, sp) => new WebhookScorecardPublisher(inner, sp.GetRequiredService<WebhookPublisher>()));
        return services;
    }
}
