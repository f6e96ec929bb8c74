namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// Reads a profile's <c>tone</c>: its first word names a <see cref="BotTone"/> (<c>warm</c>, <c>neutral</c>, <c>concise</c>),
/// and anything after it ("warm; plain English; curious rather than interrogating") is guidance for the LLM judge and
/// narrator. Message variants live in the language files as <c>&lt;key&gt;~neutral</c> and <c>&lt;key&gt;~concise</c>
/// beside the warm <c>&lt;key&gt;</c>.
/// </summary>
public static class BotTones
{
    /// <summary>The documented tone words, in the order help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. Enum.GetValues<BotTone>().Select(Name)];

    /// <summary>The word that names <paramref name="tone"/> in a profile (<c>warm</c>).</summary>
    public static string Name(BotTone tone) => tone.ToString().ToLowerInvariant();

    /// <summary>The first word of <paramref name="tone"/>: up to the first space, comma, semicolon, colon or full stop.</summary>
    public static string FirstWord(string tone)
    {
        ArgumentNullException.ThrowIfNull(tone);
        var trimmed = tone.TrimStart();
        var end = trimmed.IndexOfAny([' ', ',', ';', ':', '.', '\t', '\n', '\r']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    /// <summary>The tone <paramref name="tone"/> names with its first word; false when that word is none of <see cref="Names"/>.</summary>
    public static bool TryParse(string? tone, out BotTone parsed)
    {
        parsed = BotTone.Warm;
        if (string.IsNullOrWhiteSpace(tone))
        {
            return false;
        }

        var word = FirstWord(tone);
        foreach (var value in Enum.GetValues<BotTone>())
        {
            if (string.Equals(word, Name(value), StringComparison.OrdinalIgnoreCase))
            {
                parsed = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>The tone <paramref name="tone"/> names, or <see cref="BotTone.Warm"/> when it names none (profiles built in code).</summary>
    public static BotTone Of(string? tone) => TryParse(tone, out var parsed) ? parsed : BotTone.Warm;
}
