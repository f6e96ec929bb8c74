using System.Globalization;
using System.Text;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// Channel-neutral text (bot/Commands/CommandResponse.cs) with its untrusted values marked: names, titles, notes, reasons and
/// error details are wrapped by <see cref="Untrusted"/> where the text is built, and each channel renders the marked spans
/// inert in its own format with <see cref="Render"/> (Teams Markdown: <see cref="ReportText.InertMarkdown"/>; Slack:
/// <see cref="SlackMrkdwn.Inert"/>); <see cref="Plain"/> reads the text as shown, for plain-text output. The marks are
/// U+FFF9 and U+FFFB (Unicode's interlinear annotation anchor and terminator, meant for use inside a program), removed from
/// every value first, so a value cannot end its own span; no rendering leaves them in.
/// </summary>
internal static class MarkedText
{
    public const char Open = '\uFFF9';
    public const char Close = '\uFFFB';

    /// <summary>The value marked as untrusted; empty for null. Line breaks stay: each channel makes them spaces.</summary>
    public static string Untrusted(string? value) => string.Concat(Open.ToString(), Unmarked(value), Close.ToString());

    /// <summary>
    /// A value for inside a code span, such as a command to copy: code is literal on every channel, so only what would end
    /// the span or the line changes (a backtick becomes an apostrophe, a line break a space).
    /// </summary>
    public static string InCode(string? value) =>
        Unmarked(value).Replace('`', '\'').ReplaceLineEndings(" ");

    /// <summary>The text as a reader sees it, the marks removed and the values left as typed.</summary>
    public static string Plain(string? text) => Unmarked(text);

    /// <summary>
    /// The text in a channel's format: the trusted parts through <paramref name="format"/> (which sees each value only as a
    /// placeholder made of the marks and digits, so its rules cannot reach into a value), then every value through
    /// <paramref name="inert"/>. An unterminated mark counts as untrusted to the end; a stray closing mark is dropped.
    /// </summary>
    public static string Render(string text, Func<string, string> format, Func<string, string> inert)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(inert);
        if (text.AsSpan().IndexOfAny(Open, Close) < 0)
        {
            return format(text);
        }

        var values = new List<string>();
        var template = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == Close)
            {
                i++;
                continue;
            }

            if (c != Open)
            {
                template.Append(c);
                i++;
                continue;
            }

            var end = text.IndexOf(Close, i + 1);
            var value = end < 0 ? text[(i + 1)..] : text[(i + 1)..end];
            template.Append(Open).Append(values.Count.ToString(CultureInfo.InvariantCulture)).Append(Close);
            values.Add(Unmarked(value));
            i = end < 0 ? text.Length : end + 1;
        }

        var formatted = format(template.ToString());
        var rendered = new StringBuilder(formatted.Length + (text.Length * 2));
        for (var k = 0; k < formatted.Length; k++)
        {
            var c = formatted[k];
            if (c == Open && formatted.IndexOf(Close, k + 1) is var close and > 0
                && int.TryParse(formatted.AsSpan(k + 1, close - k - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < values.Count)
            {
                rendered.Append(inert(values[index]));
                k = close;
            }
            else if (c is not (Open or Close))
            {
                rendered.Append(c);
            }
        }

        return rendered.ToString();
    }

    private static string Unmarked(string? text) =>
        string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(Open, Close) < 0 ? text ?? string.Empty
        : text.Replace(Open.ToString(), string.Empty, StringComparison.Ordinal).Replace(Close.ToString(), string.Empty, StringComparison.Ordinal);
}
