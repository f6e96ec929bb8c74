using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// The page's files, embedded in the bot's assembly (no wwwroot, no build step, nothing fetched from elsewhere) and read
/// once. Only these names are served.
/// </summary>
internal static class PlaygroundAssets
{
    private const string ResourcePrefix = "ScreeningBot.Bot.Playground.Page.";

    private static readonly Lazy<IReadOnlyDictionary<string, PlaygroundAsset>> Files = new(Load);

    public static PlaygroundAsset Page => Files.Value["index.html"];

    /// <summary>The assets the page links (<c>/playground/assets/{name}</c>); the page itself is not one of them.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out PlaygroundAsset? asset)
    {
        asset = null;
        return name != "index.html" && Files.Value.TryGetValue(name, out asset);
    }

    private static Dictionary<string, PlaygroundAsset> Load()
    {
        (string Name, string ContentType)[] files =
        [
            ("index.html", "text/html; charset=utf-8"),
            ("playground.css", "text/css; charset=utf-8"),
            ("playground.js", "text/javascript; charset=utf-8"),
        ];
        var assembly = typeof(PlaygroundAssets).Assembly;
        var loaded = new Dictionary<string, PlaygroundAsset>(StringComparer.Ordinal);
        foreach (var (name, contentType) in files)
        {
            using var stream = assembly.GetManifestResourceStream(ResourcePrefix + name)
                ?? throw new InvalidOperationException($"The playground file {name} is not embedded in {assembly.GetName().Name}; check the EmbeddedResource item for bot/Playground/Page in ScreeningBot.Bot.csproj.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            loaded.Add(name, new PlaygroundAsset(copy.ToArray(), contentType));
        }

        return loaded;
    }
}

/// <summary>One embedded file of the playground page.</summary>
internal sealed record PlaygroundAsset(byte[] Content, string ContentType);
