using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Slack;

/// <summary>Registers and maps Slack through its own HTTP APIs: options, the Web API client, the channel and the adapter.</summary>
internal static class SlackServiceCollectionExtensions
{
    /// <summary>Name of the Web API <see cref="HttpClient"/> (with the standard resilience handler).</summary>
    public const string HttpClientName = "slack-web-api";

    public static IServiceCollection AddSlack(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptionsWithValidateOnStart<SlackOptions, SlackOptionsValidator>().BindConfiguration(SlackOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpClientName)
            .AddStandardResilienceHandler()
            .Configure((resilience, sp) => ConfigureResilience(resilience, sp.GetRequiredService<IOptions<SlackOptions>>().Value));

        services.TryAddSingleton<SlackWebApiClient>();
        services.TryAddSingleton<SlackConversationChannel>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConversationChannel, SlackConversationChannel>(sp => sp.GetRequiredService<SlackConversationChannel>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRecruiterRule, SlackRecruiterGroup>());
        services.TryAddSingleton<SlackBotIdentity>();
        services.TryAddSingleton<SlackInbound>();
        services.TryAddSingleton<SlackAdapter>();
        return services;
    }

    /// <summary>Maps <c>/api/slack/commands</c>, <c>/api/slack/events</c> and <c>/api/slack/interactions</c>. Throws when <see cref="AddSlack"/> was not called.</summary>
    public static IEndpointRouteBuilder MapSlackEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<SlackAdapter>() is null)
        {
            throw new InvalidOperationException("MapSlackEndpoints needs the Slack services: call services.AddSlack() (AddScreeningBot does) before mapping.");
        }

        var group = endpoints.MapGroup(string.Empty).DisableAntiforgery();
        group.MapPost(BotRoutes.SlackCommands, (HttpRequest request, SlackAdapter adapter, CancellationToken cancellationToken) => adapter.CommandsAsync(request, cancellationToken));
        group.MapPost(BotRoutes.SlackEvents, (HttpRequest request, SlackAdapter adapter, CancellationToken cancellationToken) => adapter.EventsAsync(request, cancellationToken));
        group.MapPost(BotRoutes.SlackInteractions, (HttpRequest request, SlackAdapter adapter, CancellationToken cancellationToken) => adapter.InteractionsAsync(request, cancellationToken));
        return endpoints;
    }

    /// <summary>
    /// The standard pipeline (rate limiter, total timeout, retry, circuit breaker, attempt timeout) with Slack's rules:
    /// a 429 is always retried after its Retry-After, anything else transient only for calls that are safe to repeat
    /// (<see cref="SlackWebApiClient.RetrySafe"/>), so a timed-out chat.postMessage is never sent twice.
    /// </summary>
    internal static void ConfigureResilience(HttpStandardResilienceOptions resilience, SlackOptions slack)
    {
        resilience.AttemptTimeout.Timeout = slack.AttemptTimeout;
        resilience.TotalRequestTimeout.Timeout = Max(TimeSpan.FromSeconds(30), slack.AttemptTimeout * 4);
        resilience.CircuitBreaker.SamplingDuration = Max(TimeSpan.FromSeconds(30), slack.AttemptTimeout * 2);
        resilience.Retry.Delay = slack.RetryDelay;
        resilience.Retry.ShouldRetryAfterHeader = true;
        resilience.Retry.ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context));
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        if (outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return true;
        }

        var request = context.GetRequestMessage();
        var safe = request is not null && request.Options.TryGetValue(SlackWebApiClient.RetrySafe, out var flag) && flag;
        return safe && HttpClientResiliencePredicates.IsTransient(outcome);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
