using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Registers and maps the Bot Framework channel (Teams, Web Chat, Direct Line, Slack through Azure Bot Service): its endpoint and its connector.</summary>
internal static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> (root <c>MicrosoftApp*</c> keys plus section <c>BotFramework</c>) and validates it
    /// at start-up; registers inbound authentication (JwtBearer), the MSAL token provider, resilient HTTP clients, the
    /// connector client, the adapter, and <see cref="BotFrameworkConversationChannel"/> as an <see cref="IConversationChannel"/>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<BotFrameworkOptions, BotFrameworkOptionsValidator>()
            .BindConfiguration(BotFrameworkOptions.RegistrationSectionName)
            .BindConfiguration(BotFrameworkOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotFrameworkHttpClients.OpenId).AddStandardResilienceHandler();
        services.AddHttpClient(BotFrameworkHttpClients.Token).AddStandardResilienceHandler();
        services.AddHttpClient(BotFrameworkHttpClients.Connector)
            .AddStandardResilienceHandler(ConfigureConnectorResilience)
            .SelectPipelineByAuthority();

        services.AddBotFrameworkAuthentication();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<BotFrameworkConversationChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationChannel, BotFrameworkConversationChannel>(sp => sp.GetRequiredService<BotFrameworkConversationChannel>()));
        services.TryAddSingleton<BotFrameworkAdapter>();
        services.AddHostedService<BotFrameworkStartupCheck>();
        return services;
    }

    /// <summary>
    /// Maps <c>POST /api/messages</c>, behind the Bot Framework's JWT when an app id is configured. Throws when
    /// <see cref="AddBotFramework"/> was not called.
    /// </summary>
    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<BotFrameworkAdapter>() is null)
        {
            throw new InvalidOperationException("The Bot Framework services are not registered; call services.AddBotFramework() (AddScreeningBot does) before MapBotFrameworkEndpoints.");
        }

        var messages = endpoints.MapPost(BotRoutes.Messages, HandleMessagesAsync).DisableAntiforgery();
        if (endpoints.ServiceProvider.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.AuthenticationEnabled)
        {
            messages.RequireAuthorization(BotFrameworkAuthentication.Scheme);
        }

        return endpoints;
    }

    private static Task<IResult> HandleMessagesAsync(HttpContext context, BotFrameworkAdapter adapter) =>
        adapter.ProcessAsync(context, context.RequestAborted);

    /// <summary>
    /// Connector calls: up to 3 retries with short exponential back-off, honouring Retry-After (429); only what
    /// <see cref="ConnectorRetryPolicy"/> allows, so a POST that may have been delivered is not sent twice.
    /// </summary>
    private static void ConfigureConnectorResilience(HttpStandardResilienceOptions options)
    {
        options.Retry.MaxRetryAttempts = 3;
        options.Retry.Delay = TimeSpan.FromMilliseconds(250);
        options.Retry.BackoffType = DelayBackoffType.Exponential;
        options.Retry.UseJitter = true;
        options.Retry.ShouldRetryAfterHeader = true;
        options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
        options.Retry.ShouldHandle = args => ValueTask.FromResult(ConnectorRetryPolicy.ShouldRetry(args.Outcome, args.Context.GetRequestMessage()));
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
    }
}
