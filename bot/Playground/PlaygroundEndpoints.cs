using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// The local playground's routes, mapped only while <see cref="PlaygroundChannel.IsEnabled"/>: the page at <c>/</c> and its
/// assets, the page's read API (<c>/playground/api/…</c>), and the connector stand-in (<c>/playground/v3/conversations…</c>)
/// that the bot's own Bot Connector client (bot/BotFramework/ConnectorClient.cs) calls, because the page's activities carry
/// <c>serviceUrl = {the bot}/playground/</c>. Every route answers loopback callers addressing a loopback host only.
/// </summary>
internal static partial class PlaygroundEndpoints
{
    /// <summary>Root of the playground's own routes; the page's activities use <c>{origin}/playground/</c> as serviceUrl.</summary>
    public const string Prefix = "/playground";

    public const string ConnectorConversations = Prefix + "/v3/conversations";

    public const string ActivitiesApi = Prefix + "/api/activities";

    public const string AssetsPath = Prefix + "/assets";

    /// <summary>Maps the playground when it is enabled; does nothing otherwise. Throws when <c>AddPlayground</c> was not called.</summary>
    public static IEndpointRouteBuilder MapPlayground(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var channel = endpoints.ServiceProvider.GetService<PlaygroundChannel>()
            ?? throw new InvalidOperationException("The playground services are not registered; call services.AddPlayground(configuration) (AddScreeningBot does) before MapPlayground.");
        if (!channel.IsEnabled)
        {
            return endpoints;
        }

        var local = endpoints.MapGroup(string.Empty).AddEndpointFilter(LocalOnlyAsync).ExcludeFromDescription();
        local.MapGet(BotRoutes.Playground, Page);
        local.MapGet(AssetsPath + "/{name}", Asset);
        local.MapGet(ActivitiesApi, ReadActivitiesAsync);

        var connector = local.MapGroup(ConnectorConversations).DisableAntiforgery();
        connector.MapPost(string.Empty, CreateConversationAsync);
        connector.MapPost("/{conversationId}/activities", SendToConversationAsync);
        connector.MapPost("/{conversationId}/activities/{activityId}", ReplyToActivityAsync);
        connector.MapDelete("/{conversationId}/activities/{activityId}", DeleteActivity);
        return endpoints;
    }

    /// <summary>
    /// Loopback callers only, and only when they address the bot by a loopback name: a web page elsewhere that rebinds its
    /// own host name to 127.0.0.1 still sends its name in <c>Host</c>, and is refused.
    /// </summary>
    private static async ValueTask<object?> LocalOnlyAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var http = invocation.HttpContext;
        if (http.Connection.RemoteIpAddress is not { } remote || !IPAddress.IsLoopback(remote))
        {
            return Refuse(http, 403, "the playground answers loopback callers only");
        }

        if (!Loopback.IsLoopbackHost(http.Request.Host.Host))
        {
            return Refuse(http, 403, "the playground answers requests to a loopback host only; open it at http://localhost:<port>/");
        }

        return await next(invocation);
    }

    private static ProblemHttpResult Refuse(HttpContext http, int statusCode, string reason)
    {
        PlaygroundLog.Refused(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlaygroundEndpoints)), statusCode, reason);
        return TypedResults.Problem(detail: reason, statusCode: statusCode, title: Title(statusCode));
    }

    private static string Title(int statusCode) => statusCode switch
    {
        400 => "Invalid request",
        403 => "Forbidden",
        413 => "Body too large",
        415 => "Unsupported media type",
        _ => "Request refused",
    };
}
