using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// ASP.NET Core rate limiting for the interview-link routes, two token buckets deep: one per link
/// (<see cref="InterviewLinkOptions.RequestsPerMinutePerLink"/>, the endpoints' policy) and one per client address
/// (<see cref="InterviewLinkOptions.RequestsPerMinutePerAddress"/>, the limiter's global stage, which passes every other
/// route). IPv6 clients are counted per /64, the block one subscriber usually holds. A refused request gets 429 with
/// Retry-After. The middleware runs only for <c>/interview</c> paths (<see cref="UseInterviewLinkRateLimits"/>).
/// </summary>
internal static class InterviewLinkRateLimits
{
    public const string LinkPolicy = "interview-link";

    /// <summary>Registers the limiter; the limits come from <see cref="InterviewLinkOptions"/>.</summary>
    public static IServiceCollection AddInterviewLinkRateLimits(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<InterviewLinkOptions>>((limiter, links) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(LinkPolicy, http => http.Request.RouteValues.TryGetValue("token", out var token)
                ? RateLimitPartition.GetTokenBucketLimiter(LinkKey(token as string), _ => Bucket(links.Value.RequestsPerMinutePerLink))
                : RateLimitPartition.GetNoLimiter(string.Empty));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                http.GetEndpoint()?.Metadata.GetMetadata<InterviewLinkEndpoint>() is null
                    ? RateLimitPartition.GetNoLimiter(string.Empty)
                    : RateLimitPartition.GetTokenBucketLimiter(AddressKey(http.Connection.RemoteIpAddress), _ => Bucket(links.Value.RequestsPerMinutePerAddress)));
        });
        return services;
    }

    /// <summary>Runs the rate limiter for requests to <c>/interview…</c> only, so no other route pays for it.</summary>
    public static IApplicationBuilder UseInterviewLinkRateLimits(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.UseWhen(http => http.Request.Path.StartsWithSegments(InterviewLinkEndpoints.Prefix, StringComparison.Ordinal), branch => branch.UseRateLimiter());
    }

    /// <summary>
    /// A full bucket allows a burst of a minute's requests; it refills evenly at <paramref name="perMinute"/> a minute, in
    /// steps of about a tenth (one token at a time below ten a minute, so 5 a minute is one every 12 seconds, not 10 a minute).
    /// </summary>
    internal static TokenBucketRateLimiterOptions Bucket(int perMinute)
    {
        var step = Math.Max(1, perMinute / 10);
        return new TokenBucketRateLimiterOptions
        {
            TokenLimit = perMinute,
            TokensPerPeriod = step,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) * step / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        };
    }

    /// <summary>The link id of a token; every token that names none shares one bucket (and the address limit still applies).</summary>
    private static string LinkKey(string? token) =>
        token is { Length: >= InterviewLinkIds.LinkIdLength } && InterviewLinkIds.IsLinkId(token.AsSpan(0, InterviewLinkIds.LinkIdLength))
            ? token[..InterviewLinkIds.LinkIdLength]
            : "unrecognised";

    private static string AddressKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 6;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        InterviewLinkHeaders.Apply(http.Response);
        var limit = http.Request.RouteValues.ContainsKey("token") ? "per link or per address" : "per address";
        InterviewLinkLog.RateLimited(http.RequestServices.GetRequiredService<ILogger<InterviewLinkAdapter>>(), limit, seconds);
        var detail = $"Too many requests from here just now. Please wait {seconds} seconds and try again.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests", extensions: new Dictionary<string, object?> { ["reason"] = "rate-limited" })
            .ExecuteAsync(http);
    }
}

/// <summary>Endpoint metadata marking the interview-link routes, which the per-address limit applies to.</summary>
internal sealed class InterviewLinkEndpoint;
