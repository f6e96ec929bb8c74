namespace ScreeningBot.Bot.Hosting;

/// <summary>
/// The settings every signed link shares (the full report, bot/Reports; the interview link, bot/InterviewLinks): the bot's
/// public address, https but on this machine, and a signing key long enough that is not an unresolved Key Vault reference.
/// </summary>
internal static class SignedLinkSettings
{
    public const int MinimumKeyLength = 32;

    /// <summary>What is wrong with <c>{section}:BaseUrl</c> and <c>{section}:SigningKey</c>, in one sentence naming them; null when links are off or both are fine.</summary>
    /// <param name="httpsReason">Why the address must be https, e.g. "report pages hold transcripts".</param>
    /// <param name="what">What an empty address turns off, e.g. "report links".</param>
    public static string? Problem(string section, string? baseUrl, string? signingKey, string httpsReason, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(section);
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            return null;
        }

        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            return $"{section}:BaseUrl '{baseUrl}' is not an absolute URL without query; set the bot's public address, e.g. https://screeningbot.azurewebsites.net, or leave it empty for no {what}.";
        }

        if (uri.Scheme != "https" && !Loopback.IsLoopback(uri))
        {
            return $"{section}:BaseUrl '{baseUrl}' must be https ({httpsReason}); http is allowed only for localhost.";
        }

        return signingKey is not { Length: >= MinimumKeyLength } || signingKey.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal)
            ? $"{section}:BaseUrl is set, so {section}:SigningKey must hold a secret of at least {MinimumKeyLength} characters (set {section}__SigningKey, e.g. from `openssl rand -base64 48`); " +
              "an unresolved Key Vault reference does not count."
            : null;
    }
}
