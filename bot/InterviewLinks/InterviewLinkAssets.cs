using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The interview page's files (bot/InterviewLinks/Page), embedded in the bot's assembly: nothing is fetched from elsewhere and
/// there is no build step. Only these names are served.
/// </summary>
internal static class InterviewLinkAssets
{
    private const string ResourcePrefix = "ScreeningBot.Bot.InterviewLinks.Page.";

    private static readonly Lazy<FrozenDictionary<string, (byte[] Content, string ContentType)>> Files = new(() => new Dictionary<string, string>
    {
        ["interview.html"] = "text/html; charset=utf-8",
        ["interview.css"] = "text/css; charset=utf-8",
        ["interview.js"] = "text/javascript; charset=utf-8",
    }.ToFrozenDictionary(f => f.Key, f => (Read(f.Key), f.Value), StringComparer.Ordinal));

    /// <summary>The page itself (served at <c>/interview/{token}</c>, never as an asset).</summary>
    public static byte[] Page => Files.Value["interview.html"].Content;

    public static bool TryGet(string name, [NotNullWhen(true)] out byte[]? content, [NotNullWhen(true)] out string? contentType)
    {
        (content, contentType) = (null, null);
        if (name == "interview.html" || !Files.Value.TryGetValue(name, out var file))
        {
            return false;
        }

        (content, contentType) = file;
        return true;
    }

    private static byte[] Read(string name)
    {
        var assembly = typeof(InterviewLinkAssets).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
            ?? throw new InvalidOperationException($"The interview page file {name} is not embedded in {assembly.GetName().Name}; check the EmbeddedResource item for bot/InterviewLinks/Page in ScreeningBot.Bot.csproj.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
