using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Validates the bearer JWT the Bot Connector service (or, when allowed, the Emulator) puts on every inbound POST,
/// per protocol §5: RS256/384/512 signature by a key from the OpenID metadata, issuer, audience = our app id,
/// lifetime with 5 minutes of clock skew; then, against the activity, the <c>serviceurl</c> claim and the signing
/// key's channel endorsements. Off only when no app id is configured (see <see cref="BotFrameworkOptions"/>).
/// </summary>
internal sealed class BotFrameworkAuthenticator
{
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private const string ServiceUrlClaim = "serviceurl";

    // The Emulator's tokens come from Entra in these two tenants (protocol §5).
    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotFrameworkOptions _options;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly OpenIdKeySource _channelKeys;
    private readonly Lazy<OpenIdKeySource> _emulatorKeys;
    private readonly HashSet<string> _emulatorIssuers;

    public BotFrameworkAuthenticator(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, TimeProvider time, ILogger<BotFrameworkAuthenticator> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value;
        _logger = logger;
        _channelKeys = new OpenIdKeySource(_options.OpenIdMetadataUrl, httpClients.CreateClient(BotFrameworkHttpClients.OpenId), time, logger);
        _emulatorKeys = new Lazy<OpenIdKeySource>(() => new OpenIdKeySource(_options.EmulatorOpenIdMetadataUrl, httpClients.CreateClient(BotFrameworkHttpClients.OpenId), time, logger));
        var tenants = _options.AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(_options.MicrosoftAppTenantId)
            ? [.. EmulatorTenants, _options.MicrosoftAppTenantId.Trim()]
            : EmulatorTenants;
        _emulatorIssuers = new HashSet<string>(
            tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }),
            StringComparer.Ordinal);
    }

    public bool Enabled => _options.AuthenticationEnabled;

    /// <summary>Checks the <c>Authorization</c> header; does not look at the body.</summary>
    public async Task<InboundAuthentication> AuthenticateAsync(string? authorization, CancellationToken cancellationToken)
    {
        if (!Enabled)
        {
            return InboundAuthentication.Disabled;
        }

        if (!TryGetBearerToken(authorization, out var token))
        {
            return InboundAuthentication.Refused("no 'Authorization: Bearer <token>' header");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return InboundAuthentication.Refused("the bearer token is not a well-formed JWT");
        }

        var fromEmulator = _options.AllowEmulatorTokens && _emulatorIssuers.Contains(jwt.Issuer ?? string.Empty);
        var source = fromEmulator ? _emulatorKeys.Value : _channelKeys;
        SigningKeys keys;
        try
        {
            keys = await source.GetKeysAsync(cancellationToken);
            if (!string.IsNullOrEmpty(jwt.Kid) && !keys.Contains(jwt.Kid) && await source.RefreshAsync(jwt.Kid, cancellationToken))
            {
                keys = await source.GetKeysAsync(cancellationToken);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            BotFrameworkLog.SigningKeysUnavailable(_logger, source.MetadataUrl, e);
            return InboundAuthentication.Refused($"signing keys could not be fetched from {source.MetadataUrl}", 503);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = fromEmulator ? _emulatorIssuers : [_options.TokenIssuer],
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = keys.Keys,
            ValidAlgorithms = Algorithms,
            ClockSkew = ClockSkew,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return InboundAuthentication.Refused(Describe(result.Exception));
        }

        var serviceUrl = jwt.TryGetPayloadValue<string>(ServiceUrlClaim, out var claim) ? claim : null;
        return new InboundAuthentication(200, null, true, serviceUrl, fromEmulator ? null : keys.EndorsementsOf(jwt.Kid), fromEmulator);
    }

    /// <summary>Checks an authenticated token against the activity it carried: the serviceUrl it may be answered at, and the channel its key may speak for.</summary>
    public static InboundAuthentication CheckActivity(InboundAuthentication authentication, Activity activity)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(activity);
        if (!authentication.Authenticated || authentication.FromEmulator)
        {
            return authentication;
        }

        if (authentication.ServiceUrl is null)
        {
            return InboundAuthentication.Refused("the token has no serviceurl claim");
        }

        if (!SameServiceUrl(authentication.ServiceUrl, activity.ServiceUrl))
        {
            return InboundAuthentication.Refused("the token's serviceurl claim does not match the activity's serviceUrl");
        }

        if (authentication.Endorsements is { Count: > 0 } endorsements
            && !endorsements.Contains(activity.ChannelId ?? string.Empty, StringComparer.OrdinalIgnoreCase))
        {
            return InboundAuthentication.Refused($"the signing key is not endorsed for channel '{activity.ChannelId}'", 403);
        }

        return authentication;
    }

    private static bool SameServiceUrl(string claim, string? activity) =>
        activity is not null && string.Equals(claim.TrimEnd('/'), activity.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    private static bool TryGetBearerToken(string? header, out string token)
    {
        token = string.Empty;
        var parts = header?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 } || !string.Equals(parts[0], "Bearer", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        token = parts[1];
        return true;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's MicrosoftAppId",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenNoExpirationException => "the token has no expiry",
        _ => $"the token is not valid ({exception?.GetType().Name ?? "unknown reason"})",
    };
}
