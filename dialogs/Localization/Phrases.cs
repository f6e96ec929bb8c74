using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>Regex pieces built from word lists of a language file.</summary>
internal static class Phrases
{
    /// <summary>Matches nothing: the alternation of an empty list.</summary>
    public const string Never = "(?!)";

    /// <summary>
    /// A non-capturing alternation of <paramref name="phrases"/>, longest first so "days" wins over "day", each phrase
    /// escaped and its spaces matching any run of whitespace.
    /// </summary>
    public static string Alternation(IEnumerable<string> phrases)
    {
        var escaped = phrases
            .Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p.Trim().ToLowerInvariant())
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(p => p.Length)
            .ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => string.Join(@"\s+", p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape)))
            .ToArray();
        return escaped.Length == 0 ? Never : $"(?:{string.Join('|', escaped)})";
    }

    /// <summary>A case-insensitive set of the phrases, lower-cased with single spaces.</summary>
    public static HashSet<string> Set(IEnumerable<string> phrases) =>
        phrases.Select(Key).Where(p => p.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The lookup form of a phrase: lower case, single spaces.</summary>
    public static string Key(string phrase) =>
        string.Join(' ', phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// A case-insensitive regex without a match timeout: a timeout is wall-clock time, and how an answer is understood
    /// must not depend on machine load. The patterns repeat whole phrases and run on short replies.
    /// </summary>
    public static Regex Build(string pattern) =>
        new(pattern, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, Regex.InfiniteMatchTimeout);
}
