using Microsoft.AspNetCore.Http.HttpResults;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The interview-link routes, served whether or not Bot Framework authentication is on (the token is the credential): the
/// page (<c>GET /interview/{token}</c>), its assets, and the candidate API bound to the token (<c>GET</c> and <c>POST
/// /interview/{token}/messages</c>). Every route is rate limited (<see cref="InterviewLinkRateLimits"/>).
/// </summary>
internal static class InterviewLinkEndpoints
{
    public const string Prefix = "/interview";

    /// <summary>Maps the routes; throws when <c>AddInterviewLinks</c> was not called. With links off every token is refused.</summary>
    public static IEndpointRouteBuilder MapInterviewLinks(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        if (endpoints.ServiceProvider.GetService<InterviewLinkAdapter>() is null)
        {
            throw new InvalidOperationException("The interview-link services are not registered; call services.AddInterviewLinks() (AddScreeningBot does) before MapInterviewLinks.");
        }

        var links = endpoints.MapGroup(Prefix)
            .ExcludeFromDescription()
            .WithMetadata(new InterviewLinkEndpoint())
            .RequireRateLimiting(InterviewLinkRateLimits.LinkPolicy);
        links.MapGet("/assets/{name}", Asset);
        links.MapGet("/{token}", (string token, HttpContext http, InterviewLinkAdapter adapter, CancellationToken cancellationToken) => adapter.PageAsync(token, http, cancellationToken));
        links.MapGet("/{token}/messages", (string token, string? after, string? wait, HttpContext http, InterviewLinkAdapter adapter, CancellationToken cancellationToken) => adapter.ReadAsync(token, after, wait, http, cancellationToken));
        links.MapPost("/{token}/messages", (string token, HttpContext http, InterviewLinkAdapter adapter, CancellationToken cancellationToken) => adapter.AnswerAsync(token, http, cancellationToken));
        return endpoints;
    }

    private static Results<FileContentHttpResult, NotFound> Asset(string name, HttpContext http)
    {
        InterviewLinkHeaders.Apply(http.Response, cacheable: true);
        return InterviewLinkAssets.TryGet(name, out var content, out var contentType) ? TypedResults.Bytes(content, contentType) : TypedResults.NotFound();
    }
}
