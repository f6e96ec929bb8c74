using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework's rules around ASP.NET Core's JwtBearer handler, for one issuer family (Bot Connector or Emulator):
/// <list type="bullet">
/// <item>Before any key is needed, a token that can be refused on its face is refused with 401: not a JWT, an algorithm other
/// than RS256/384/512, a critical header parameter (docs/channels.md: this bot understands none), a foreign issuer, another
/// audience, no expiry, or outside its lifetime. So an outage of the OpenID metadata never turns those into 503.</item>
/// <item>A token naming a key id the cached metadata lacks makes the keys refresh once before validation (key rollover).</item>
/// <item>After validation, the channels the verifying key is endorsed for become <see cref="BotFrameworkAuthentication.EndorsementClaim"/>
/// claims, read from that key's own JWKS entry (Bot Connector tokens only).</item>
/// <item>Every refusal is a problem+json answer: 401 with the reason, or 503 with Retry-After when the keys could not be fetched.</item>
/// </list>
/// </summary>
internal sealed class BotFrameworkTokenEvents : JwtBearerEvents
{
    private readonly OpenIdKeySource _keys;
    private readonly IReadOnlySet<string> _issuers;
    private readonly string? _audience;
    private readonly bool _readsEndorsements;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly JsonWebTokenHandler _handler = new();

    public BotFrameworkTokenEvents(OpenIdKeySource keys, IReadOnlySet<string> issuers, string? audience, bool readsEndorsements, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(issuers);
        _keys = keys;
        _issuers = issuers;
        _audience = audience;
        _readsEndorsements = readsEndorsements;
        _time = time;
        _logger = logger;
        OnMessageReceived = MessageReceivedAsync;
        OnTokenValidated = TokenValidatedAsync;
        OnAuthenticationFailed = AuthenticationFailedAsync;
        OnChallenge = ChallengeAsync;
    }

    private async Task MessageReceivedAsync(MessageReceivedContext context)
    {
        if (!BotFrameworkAuthentication.TryGetBearerToken(context.Request.Headers.Authorization, out var token))
        {
            return;
        }

        if (Precheck(token, out var jwt) is { } refusal)
        {
            context.Fail(refusal);
            return;
        }

        context.Token = token;
        await _keys.EnsureKeyAsync(jwt!.Kid, context.HttpContext.RequestAborted);
    }

    /// <summary>Why the token is refused without looking at a key; null when it needs its signature checked.</summary>
    private string? Precheck(string token, out JsonWebToken? jwt)
    {
        jwt = null;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (ArgumentException)
        {
            return "the bearer token is not a well-formed JWT";
        }

        var now = _time.GetUtcNow().UtcDateTime;
        var skew = BotFrameworkAuthentication.ClockSkew;
        return jwt switch
        {
            _ when !BotFrameworkOptions.SigningAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal) => $"the token's signing algorithm '{Short(jwt.Alg)}' is not accepted",
            _ when jwt.TryGetHeaderValue<object>("crit", out _) => "the token's header lists critical parameters ('crit') this bot does not understand",
            _ when !_issuers.Contains(jwt.Issuer ?? string.Empty) => "the token's issuer is not accepted",
            _ when _audience is null || !jwt.Audiences.Contains(_audience, StringComparer.Ordinal) => "the token's audience is not this bot's MicrosoftAppId",
            _ when !jwt.TryGetPayloadValue<long>(JwtRegisteredClaimNames.Exp, out _) => "the token has no expiry",
            _ when jwt.ValidTo + skew < now => "the token has expired",
            _ when jwt.ValidFrom - skew > now => "the token is not valid yet",
            _ => null,
        };
    }

    private Task TokenValidatedAsync(TokenValidatedContext context)
    {
        if (_readsEndorsements && context.Principal?.Identity is ClaimsIdentity identity)
        {
            foreach (var channel in EndorsementsOf(context.SecurityToken.SigningKey))
            {
                identity.AddClaim(new Claim(BotFrameworkAuthentication.EndorsementClaim, channel));
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>Keeps every failure, an unreachable key source included, as the authentication result rather than letting it escape as a 500.</summary>
    private static Task AuthenticationFailedAsync(AuthenticationFailedContext context)
    {
        context.Fail(context.Exception);
        return Task.CompletedTask;
    }

    private async Task ChallengeAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var unavailable = context.AuthenticateFailure is SigningKeysUnavailableException;
        var status = unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status401Unauthorized;
        var reason = Describe(context.AuthenticateFailure);
        BotFrameworkLog.ActivityRejected(_logger, status, reason);
        if (unavailable)
        {
            context.Response.Headers.RetryAfter = BotFrameworkAdapter.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await TypedResults.Problem(detail: reason, statusCode: status, title: unavailable ? "Try again later" : "Unauthorized").ExecuteAsync(context.HttpContext);
    }

    /// <summary>The channel ids in the <c>endorsements</c> member of the key's JWKS entry; none when the key has no such entry.</summary>
    private static IEnumerable<string> EndorsementsOf(SecurityKey? key) =>
        key is JsonWebKey { AdditionalData: { } data } && data.TryGetValue("endorsements", out var raw)
            ? raw switch
            {
                System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
                    array.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!),
                string single => [single],
                System.Collections.IEnumerable items => items.Cast<object?>().Select(i => i?.ToString()).OfType<string>(),
                _ => [],
            }
            : [];

    private static string Describe(Exception? exception) => exception switch
    {
        null => "no 'Authorization: Bearer <token>' header",
        SigningKeysUnavailableException e => e.Message,
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenInvalidAudienceException => "the token's audience is not this bot's MicrosoftAppId",
        SecurityTokenInvalidIssuerException => "the token's issuer is not accepted",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => "the token's signature is not valid",
        SecurityTokenInvalidAlgorithmException => "the token's signing algorithm is not accepted",
        SecurityTokenNoExpirationException => "the token has no expiry",
        AuthenticationFailureException e => e.Message,
        _ => $"the token is not valid ({exception.GetType().Name})",
    };

    private static string Short(string? value) => value is null ? "none" : value.Length <= 20 ? value : value[..20] + "…";
}
