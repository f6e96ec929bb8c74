using System.Text;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// Slack's text rules. Text we put in blocks is data: <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped so a candidate's
/// answer or name cannot become a mention (<c>&lt;!channel&gt;</c>), a link or a user tag. Incoming message text arrives
/// escaped the same way and is unescaped before the dialog sees it.
/// </summary>
internal static class SlackMrkdwn
{
    /// <summary>U+200B, invisible; breaks a formatting pair without changing what the reader sees.</summary>
    public const char ZeroWidthSpace = '\u200B';

    /// <summary>Escapes the three characters Slack treats as control sequences.</summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// Text from a candidate (or a profile or a model) as inert mrkdwn: escaped like <see cref="Escape"/> (no mention, link
    /// or user tag), and a zero-width space after every <c>*</c>, <c>_</c>, <c>~</c> and <c>`</c> so no pair of them can
    /// become bold, italics, strike-through or code (Slack has no backslash escape). Line breaks become spaces.
    /// </summary>
    public static string Inert(string? text)
    {
        var escaped = Escape(text);
        var inert = new StringBuilder(escaped.Length + 8);
        foreach (var c in escaped)
        {
            inert.Append(c is '\r' or '\n' ? ' ' : c);
            if (c is '*' or '_' or '~' or '`')
            {
                inert.Append(ZeroWidthSpace);
            }
        }

        return inert.ToString();
    }

    /// <summary>The text the user typed, from a message event's escaped <c>text</c>.</summary>
    public static string Unescape(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty
        : text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>The dialogs' Markdown (<c>**bold**</c>) as Slack mrkdwn (<c>*bold*</c>), escaped.</summary>
    public static string FromMarkdown(string? markdown) => ReplaceBold(Escape(markdown), "*");

    /// <summary>Removes Markdown bold markers, for plain-text fields (notification text, button labels, headers).</summary>
    public static string PlainFromMarkdown(string? markdown) => ReplaceBold(markdown ?? string.Empty, string.Empty);

    /// <summary>
    /// Each <c>**text**</c> (at least one character, the nearest closing pair, across lines) with its stars replaced by
    /// <paramref name="marker"/>; an unpaired <c>**</c> stays. Plain code in one pass, so the escaped text always comes back
    /// whole: no pattern, no timeout.
    /// </summary>
    private static string ReplaceBold(string text, string marker)
    {
        var result = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("**", i, StringComparison.Ordinal);
            var close = open < 0 || open + 3 > text.Length ? -1 : text.IndexOf("**", open + 3, StringComparison.Ordinal);
            if (close < 0)
            {
                // No pair from here on: a later opening has no closing either.
                break;
            }

            result.Append(text, i, open - i).Append(marker).Append(text, open + 2, close - open - 2).Append(marker);
            i = close + 2;
        }

        return result.Append(text, i, text.Length - i).ToString();
    }

    /// <summary>
    /// Splits text into pieces of at most <paramref name="max"/> characters, preferring paragraph, then line, then word
    /// breaks, never inside a surrogate pair or an escape sequence (&amp;amp;).
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 16);
        var pieces = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var cut = LastBreak(window, "\n\n", max / 2) ?? LastBreak(window, "\n", max / 2) ?? LastBreak(window, " ", max / 2) ?? max;
            cut = AvoidSplittingEscape(rest, cut);

            if (cut > 0 && char.IsHighSurrogate(rest[cut - 1]))
            {
                cut--;
            }

            cut = Math.Max(cut, 1);
            pieces.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }

        if (rest.Length > 0 || pieces.Count == 0)
        {
            pieces.Add(rest);
        }

        return pieces;
    }

    /// <summary>Cuts text to <paramref name="max"/> characters with an ellipsis, without splitting an escape sequence or a surrogate pair.</summary>
    public static string Trim(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = AvoidSplittingEscape(text, Math.Max(max - 1, 0));

        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return new StringBuilder(text, 0, cut, cut + 1).ToString().TrimEnd() + "…";
    }

    /// <summary>Moves a cut before an escape sequence (<c>&amp;amp;</c>, <c>&amp;lt;</c>, <c>&amp;gt;</c>) that it would split.</summary>
    private static int AvoidSplittingEscape(string text, int cut)
    {
        if (cut <= 0)
        {
            return cut;
        }

        var amp = text.LastIndexOf('&', cut - 1, Math.Min(cut, 5));
        if (amp < 0)
        {
            return cut;
        }

        var semi = text.IndexOf(';', amp);
        return semi >= cut && semi - amp <= 4 ? amp : cut;
    }

    private static int? LastBreak(string window, string separator, int notBefore)
    {
        var index = window.LastIndexOf(separator, StringComparison.Ordinal);
        return index >= notBefore ? index : null;
    }
}
