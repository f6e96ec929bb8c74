using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The serviceUrls the bot may call. A serviceUrl is trusted once it arrived on an authenticated activity (or in a
/// stored conversation address, which is only ever built from one): the connector client refuses everything else, so
/// a forged activity cannot make the bot send its token elsewhere. With authentication off (local development) only
/// loopback serviceUrls are allowed. Thread-safe.
/// </summary>
internal sealed class TrustedServiceUrls(IOptions<BotFrameworkOptions> options)
{
    private readonly ConcurrentDictionary<string, byte> _trusted = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Remembers a serviceUrl from an authenticated activity or a stored address.</summary>
    public void Remember(string serviceUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!options.Value.AuthenticationEnabled)
        {
            return;
        }

        _trusted.TryAdd(Normalize(serviceUrl), 0);
    }

    public bool IsTrusted(string serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        return options.Value.AuthenticationEnabled ? _trusted.ContainsKey(Normalize(serviceUrl)) : Loopback.IsLoopback(uri);
    }

    private static string Normalize(string serviceUrl) => serviceUrl.TrimEnd('/') + "/";
}
