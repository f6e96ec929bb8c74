using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// The languages the bot can interview in: one JSON file per language under <c>dialogs/Localization/Texts/</c>, embedded
/// in this assembly. A profile's BCP-47 <c>language</c> picks one, by exact tag or by its primary subtag (<c>de-AT</c> reads
/// <c>de</c>).
/// </summary>
/// <remarks>
/// Why JSON and not .resx: the solution runs with <c>InvariantGlobalization</c> (Directory.Build.props), where
/// <c>new CultureInfo("de")</c> throws, so the ResourceManager cannot look up a satellite assembly, and culture data
/// (month names, decimal comma) is English anyway. A language also needs lists (yes words, month names, number words),
/// which JSON holds natively. Every file is checked against English at load (<see cref="LanguageResourceChecker"/>).
/// </remarks>
public static class CandidateLanguages
{
    private const string ResourcePrefix = "ScreeningBot.Dialogs.Localization.Texts.";
    private static readonly Lazy<IReadOnlyDictionary<string, CandidateLanguage>> Loaded = new(Load);

    /// <summary>English, the language of every recruiter-facing text and the fallback for recognition.</summary>
    public static CandidateLanguage English => Loaded.Value["en"];

    /// <summary>The tags of every shipped language, sorted.</summary>
    public static IReadOnlyList<string> Supported => [.. Loaded.Value.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The language for <paramref name="tag"/> (exact, then its primary subtag), or false when none is shipped.</summary>
    public static bool TryResolve(string? tag, [NotNullWhen(true)] out CandidateLanguage? language)
    {
        language = null;
        if (string.IsNullOrWhiteSpace(tag))
        {
            return false;
        }

        var languages = Loaded.Value;
        var trimmed = tag.Trim();
        if (languages.TryGetValue(trimmed, out language))
        {
            return true;
        }

        var primary = trimmed.Split('-', '_')[0];
        return languages.TryGetValue(primary, out language);
    }

    /// <summary>
    /// The language for <paramref name="tag"/>, or English when none is shipped. Profiles are validated before use
    /// (ProfileValidator rejects a language with no file), so the fallback only protects against a stale profile.
    /// </summary>
    public static CandidateLanguage Resolve(string? tag) => TryResolve(tag, out var language) ? language : English;

    internal static LanguageResource ReadResource(Stream stream, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(stream, LocalizationJsonContext.Default.LanguageResource)
                ?? throw new InvalidOperationException($"{source} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"{source} is not a valid language file: {e.Message}", e);
        }
    }

    internal static IEnumerable<(string Source, LanguageResource Resource)> ReadShipped()
    {
        var assembly = typeof(CandidateLanguages).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var source = $"dialogs/Localization/Texts/{name[ResourcePrefix.Length..]}";
            using var stream = assembly.GetManifestResourceStream(name)!;
            yield return (source, ReadResource(stream, source));
        }
    }

    private static Dictionary<string, CandidateLanguage> Load()
    {
        var resources = ReadShipped().ToArray();
        var english = resources.SingleOrDefault(r => r.Resource.Language == "en");
        if (english.Resource is null)
        {
            throw new InvalidOperationException("dialogs/Localization/Texts/en.json is missing from the assembly; every other language is checked against it.");
        }

        var problems = resources.SelectMany(r => LanguageResourceChecker.Problems(english.Resource, r.Resource, r.Source)
            .Concat(r.Source.EndsWith($"/{r.Resource.Language}.json", StringComparison.Ordinal) ? [] : [$"{r.Source}: \"language\" is \"{r.Resource.Language}\"; it must match the file name"]))
            .ToArray();
        if (problems.Length > 0)
        {
            throw new InvalidOperationException($"The language files have {problems.Length} problem(s):\n{string.Join('\n', problems)}");
        }

        var englishLanguage = new CandidateLanguage(english.Resource, null);
        var languages = new Dictionary<string, CandidateLanguage>(StringComparer.OrdinalIgnoreCase) { ["en"] = englishLanguage };
        foreach (var (_, resource) in resources.Where(r => r.Resource.Language != "en"))
        {
            languages[resource.Language] = new CandidateLanguage(resource, englishLanguage);
        }

        return languages;
    }
}
