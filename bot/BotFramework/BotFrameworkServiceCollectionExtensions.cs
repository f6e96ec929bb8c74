using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Registers and maps the Bot Framework endpoint (Teams, Web Chat, Direct Line) and its connector channel.</summary>
internal static class BotFrameworkServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="BotFrameworkOptions"/> (root <c>MicrosoftApp*</c> keys plus section <c>BotFramework</c>) and validates it
    /// at start-up; registers the authenticator, MSAL token provider, resilient HTTP clients, connector client, turn queue and
    /// handler, and <see cref="BotFrameworkConversationChannel"/> as an <see cref="IConversationChannel"/>.
    /// </summary>
    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotFrameworkOptions>()
            .Bind(configuration.GetSection(BotFrameworkOptions.SectionName))
            .Configure(o =>
            {
                o.MicrosoftAppId = configuration["MicrosoftAppId"]?.Trim();
                o.MicrosoftAppPassword = configuration["MicrosoftAppPassword"];
                o.MicrosoftAppTenantId = configuration["MicrosoftAppTenantId"]?.Trim();
                o.MicrosoftAppType = configuration["MicrosoftAppType"];
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotFrameworkOptions>, BotFrameworkRegistrationValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(BotFrameworkHttpClients.OpenId).AddStandardResilienceHandler();
        services.AddHttpClient(BotFrameworkHttpClients.Token).AddStandardResilienceHandler();
        services.AddHttpClient(BotFrameworkHttpClients.Connector)
            .AddStandardResilienceHandler(ConfigureConnectorResilience)
            .SelectPipelineByAuthority();

        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.TryAddSingleton<BotTokenProvider>();
        services.TryAddSingleton<TrustedServiceUrls>();
        services.TryAddSingleton<ConnectorClient>();
        services.TryAddSingleton<BotFrameworkConversationChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationChannel, BotFrameworkConversationChannel>(sp => sp.GetRequiredService<BotFrameworkConversationChannel>()));
        services.TryAddSingleton<TeamsCandidateChannel>();
        services.TryAddSingleton<BotFrameworkTurnHandler>();
        services.TryAddSingleton<ConversationTurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<ConversationTurnQueue>());
        services.TryAddSingleton<ActivityProcessor>();
        services.AddHostedService<BotFrameworkStartupCheck>();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c>. Throws when <see cref="AddBotFramework"/> was not called.</summary>
    public static IEndpointRouteBuilder MapBotFrameworkEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<ActivityProcessor>() is null)
        {
            throw new InvalidOperationException("The Bot Framework services are not registered; call services.AddBotFramework(configuration) (AddScreeningBot does) before MapBotFrameworkEndpoints.");
        }

        endpoints.MapPost(BotRoutes.Messages, HandleMessagesAsync).DisableAntiforgery();
        return endpoints;
    }

    private static Task<IResult> HandleMessagesAsync(HttpContext context, ActivityProcessor processor) =>
        processor.ProcessAsync(context, context.RequestAborted);

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
