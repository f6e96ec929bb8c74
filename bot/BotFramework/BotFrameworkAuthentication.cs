using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Inbound authentication of <c>POST /api/messages</c> (docs/channels.md): ASP.NET Core's JwtBearer handler validates the
/// Bot Connector's token (RS256/384/512 signature by a key from the OpenID metadata, issuer, audience = our app id, lifetime
/// with 5 minutes of clock skew), with the Bot Framework's rules in <see cref="BotFrameworkTokenEvents"/>; then
/// <see cref="CheckActivity"/> holds the token against the activity it carried (the <c>serviceurl</c> claim, and the
/// endorsements of the key that signed it). Emulator tokens, when allowed, go to a second scheme with the Emulator's metadata
/// and issuers; a policy scheme picks one by the token's issuer. Only used while an app id is configured.
/// </summary>
internal static class BotFrameworkAuthentication
{
    /// <summary>The scheme (and authorization policy) the messaging endpoint requires.</summary>
    public const string Scheme = "BotFramework";

    public const string ConnectorScheme = "BotFramework.Connector";

    public const string EmulatorScheme = "BotFramework.Emulator";

    /// <summary>A channel id the key that signed the token is endorsed for (one claim per channel).</summary>
    public const string EndorsementClaim = "bf:endorsement";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string ServiceUrlClaim = "serviceurl";

    /// <summary>Registers the schemes, their key sources and the endpoint's policy.</summary>
    public static IServiceCollection AddBotFrameworkAuthentication(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKeyedSingleton(ConnectorScheme, (sp, _) => KeySource(sp, sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.OpenIdMetadataUrl));
        services.AddKeyedSingleton(EmulatorScheme, (sp, _) => KeySource(sp, sp.GetRequiredService<IOptions<BotFrameworkOptions>>().Value.EmulatorOpenIdMetadataUrl));
        services.AddAuthentication()
            .AddPolicyScheme(Scheme, "Bot Framework", o => o.ForwardDefaultSelector = SelectScheme)
            .AddJwtBearer(ConnectorScheme, _ => { })
            .AddJwtBearer(EmulatorScheme, _ => { });
        services.AddOptions<JwtBearerOptions>(ConnectorScheme).Configure<IServiceProvider>((jwt, sp) => Configure(jwt, sp, ConnectorScheme));
        services.AddOptions<JwtBearerOptions>(EmulatorScheme).Configure<IServiceProvider>((jwt, sp) => Configure(jwt, sp, EmulatorScheme));
        services.AddAuthorizationBuilder().AddPolicy(Scheme, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// Holds an authenticated token against the activity it carried: the activity's serviceUrl must be the token's
    /// <c>serviceurl</c> claim (401 otherwise), and the key that signed a Bot Connector token must be endorsed for the
    /// activity's channel (403 otherwise; a key without endorsements is endorsed for nothing). Emulator tokens carry neither.
    /// </summary>
    public static (int StatusCode, string Reason)? CheckActivity(ClaimsPrincipal user, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(activity);
        if (user.Identity?.AuthenticationType == EmulatorScheme)
        {
            return null;
        }

        if (user.FindFirst(ServiceUrlClaim)?.Value is not { } serviceUrl)
        {
            return (StatusCodes.Status401Unauthorized, "the token has no serviceurl claim");
        }

        if (activity.ServiceUrl is null || !string.Equals(serviceUrl.TrimEnd('/'), activity.ServiceUrl.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return (StatusCodes.Status401Unauthorized, "the token's serviceurl claim does not match the activity's serviceUrl");
        }

        return user.FindAll(EndorsementClaim).Any(c => string.Equals(c.Value, activity.ChannelId, StringComparison.OrdinalIgnoreCase))
            ? null
            : (StatusCodes.Status403Forbidden, $"the signing key is not endorsed for channel '{activity.ChannelId}'");
    }

    /// <summary><c>Authorization: Bearer &lt;token&gt;</c>, exactly two parts, the scheme in any case.</summary>
    public static bool TryGetBearerToken(StringValues header, out string token)
    {
        token = string.Empty;
        var parts = header.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not [var scheme, var value] || !string.Equals(scheme, "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = value;
        return true;
    }

    private static OpenIdKeySource KeySource(IServiceProvider services, string metadataUrl) => new(
        metadataUrl,
        services.GetRequiredService<IHttpClientFactory>().CreateClient(BotFrameworkHttpClients.OpenId),
        services.GetRequiredService<TimeProvider>(),
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkAuthentication)));

    /// <summary>Emulator tokens go to the Emulator scheme when they are allowed; everything else is judged as a Bot Connector token.</summary>
    private static string SelectScheme(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        if (!options.AllowEmulatorTokens || !TryGetBearerToken(context.Request.Headers.Authorization, out var token))
        {
            return ConnectorScheme;
        }

        try
        {
            return options.EmulatorIssuers.Contains(new JsonWebToken(token).Issuer ?? string.Empty) ? EmulatorScheme : ConnectorScheme;
        }
        catch (ArgumentException)
        {
            return ConnectorScheme;
        }
    }

    private static void Configure(JwtBearerOptions jwt, IServiceProvider services, string scheme)
    {
        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var emulator = scheme == EmulatorScheme;
        IReadOnlySet<string> issuers = emulator ? options.EmulatorIssuers : new HashSet<string>(StringComparer.Ordinal) { options.TokenIssuer };
        var keys = services.GetRequiredKeyedService<OpenIdKeySource>(scheme);
        jwt.MapInboundClaims = false;
        jwt.ConfigurationManager = keys;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            AuthenticationType = scheme,
            ValidIssuers = issuers,
            ValidAudience = options.MicrosoftAppId,
            ValidAlgorithms = BotFrameworkOptions.SigningAlgorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
        };
        jwt.Events = new BotFrameworkTokenEvents(
            keys,
            issuers,
            options.MicrosoftAppId,
            readsEndorsements: !emulator,
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(BotFrameworkAuthentication)));
    }
}
