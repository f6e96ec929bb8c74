namespace ScreeningBot.Bot.BotFramework;

/// <summary>The outcome of checking an inbound request's bearer token (and then its activity against the token).</summary>
/// <param name="StatusCode">200 when it may proceed; 401/403 for a bad token, 503 when signing keys could not be fetched.</param>
/// <param name="Failure">Why it was refused, for the log (never the token itself).</param>
/// <param name="ServiceUrl">The token's <c>serviceurl</c> claim (Bot Connector tokens).</param>
/// <param name="Endorsements">Channel ids the signing key is endorsed for; null when the JWKS lists none.</param>
internal sealed record InboundAuthentication(int StatusCode, string? Failure, bool Authenticated, string? ServiceUrl = null, IReadOnlyList<string>? Endorsements = null, bool FromEmulator = false)
{
    /// <summary>Authentication is off (local development): nothing was checked.</summary>
    public static InboundAuthentication Disabled { get; } = new(200, null, false);

    public bool Succeeded => StatusCode == 200;

    public static InboundAuthentication Refused(string failure, int statusCode = 401) => new(statusCode, failure, false);
}
