using System.Text;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Small text helpers shared by the recognisers.</summary>
internal static class PromptText
{
    /// <summary>Trims, folds Unicode compatibility forms and collapses runs of whitespace.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC);
        if (IsNormalized(folded))
        {
            // Most messages: nothing to trim, fold or drop, and the builder would copy them unchanged (runs several times a turn).
            return folded;
        }

        var builder = new StringBuilder(folded.Length);
        var lastWasSpace = false;
        foreach (var c in folded.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace)
                {
                    builder.Append(' ');
                }

                lastWasSpace = true;
            }
            else if (!char.IsControl(c) && c is not ('\u200B' or '\u200C' or '\u200D' or '\uFEFF'))
            {
                builder.Append(c);
                lastWasSpace = false;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when <see cref="Normalize"/> would return <paramref name="folded"/> (already NFKC) unchanged.</summary>
    private static bool IsNormalized(string folded)
    {
        if (char.IsWhiteSpace(folded[0]) || char.IsWhiteSpace(folded[^1]))
        {
            return false;
        }

        var lastWasSpace = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c))
            {
                if (c != ' ' || lastWasSpace)
                {
                    return false;
                }

                lastWasSpace = true;
            }
            else if (char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\uFEFF')
            {
                return false;
            }
            else
            {
                lastWasSpace = false;
            }
        }

        return true;
    }

    /// <summary>Lowercase text without trailing/leading punctuation and emphasis ("Yes!" → "yes", "¡Sí!" → "sí").</summary>
    public static string StripPunctuation(string text) =>
        text.Trim().Trim('.', '!', '?', '¡', '¿', ',', ';', ':', '"', '\'', '„', '“', '”', '«', '»', '*', '_', '`', '(', ')', ' ').ToLowerInvariant();
}
