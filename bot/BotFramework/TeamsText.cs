using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Text helpers for Teams: a command's plain text out of Teams HTML, strip the bot's own @mention from a command, and turn
/// command text into Teams Markdown.
/// </summary>
internal static partial class TeamsText
{
    /// <summary>
    /// Most characters of Teams HTML read: the Bot Framework body limit's default (BotFrameworkOptions.MaxBodyBytes), so
    /// a message the endpoint accepted is read whole. The plain text is never longer than the HTML it came from.
    /// </summary>
    public const int MaxHtmlLength = 256 * 1024;

    /// <summary>Longest tag read, attributes included (Word pastes carry long style attributes).</summary>
    private const int MaxTagLength = 4_096;

    /// <summary>Tags Teams puts in a message's <c>text</c> and that end a line, or are dropped with their words kept.</summary>
    private static readonly HashSet<string> LineTags = new(StringComparer.OrdinalIgnoreCase) { "p", "div", "br", "li", "ul", "ol", "tr", "table", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "hr", "section" };

    private static readonly HashSet<string> InlineTags = new(StringComparer.OrdinalIgnoreCase) { "span", "b", "strong", "i", "em", "u", "s", "strike", "del", "a", "font", "code", "sub", "sup", "img", "td", "th", "tbody", "thead", "emoji", "readonly" };

    /// <summary>
    /// A recruiter's command as plain text, the bot's own mention removed. Teams sends what was typed or pasted as HTML: the
    /// <c>text/html</c> attachment holds the message as written (paragraphs, line breaks), and <c>text</c> may still carry
    /// <c>&lt;p&gt;</c>, <c>&lt;br&gt;</c> and entities (<c>&amp;nbsp;</c>). Either way the command sees lines of text: tags
    /// dropped, entities decoded, mentions kept as <c>&lt;at&gt;name&lt;/at&gt;</c> for the parser (bot/Commands/RecruiterCommandParser.cs).
    /// </summary>
    public static string CommandText(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = HtmlAttachmentOf(activity) is { } html ? PlainText(html, isHtml: true) : PlainText(activity.Text ?? string.Empty, isHtml: false);
        return RemoveBotMention(activity, text);
    }

    /// <summary>
    /// The activity's text without the bot's own mentions (docs/channels.md): each mention entity whose <c>mentioned.id</c> is the
    /// recipient is removed by its entity <c>text</c> (or <c>&lt;at&gt;name&lt;/at&gt;</c>), case-insensitively; then trimmed.
    /// </summary>
    public static string RemoveBotMention(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return RemoveBotMention(activity, activity.Text ?? string.Empty);
    }

    /// <summary>
    /// Teams HTML as plain text: block tags and <c>&lt;br&gt;</c> end a line, list items start with <c>- </c>, other tags are dropped
    /// with their words kept, entities are decoded (except in a mention: its name keeps Teams' encoding, as in the mention entity), mentions (<c>&lt;at id="0"&gt;</c>, or a span of Skype's Mention type) become
    /// <c>&lt;at&gt;name&lt;/at&gt;</c>. With <paramref name="isHtml"/> (an HTML body) any tag is dropped; without it (Teams' <c>text</c>)
    /// only tags Teams uses are, so typed <c>List&lt;T&gt;</c> stays. Whitespace collapses as a browser shows it, unless the text
    /// has no paragraph or break tags (then its own line breaks are the lines). One pass, no backtracking; at most
    /// <see cref="MaxHtmlLength"/> characters are read.
    /// </summary>
    public static string PlainText(string html, bool isHtml)
    {
        ArgumentNullException.ThrowIfNull(html);
        var end = Math.Min(html.Length, MaxHtmlLength);
        // Teams' text with paragraph tags is HTML too: its line breaks are the tags, a raw newline between them is layout.
        var collapse = isHtml || HasLineTags(html.AsSpan(0, end));
        var text = new StringBuilder(end);
        var mentionSpans = new Stack<bool>();
        var blocks = new Stack<int>();
        // Inside a mention the name keeps its entities as Teams encoded them: the mention entity's text is encoded the same
        // way, and the command parser matches the two (bot/Commands/RecruiterCommandParser.cs).
        var mentionDepth = 0;
        var i = 0;
        while (i < end)
        {
            var c = html[i];
            if (c == '<' && TryTag(html, i, end, isHtml) is { } tag)
            {
                i = tag.End;
                if (tag.Comment)
                {
                    continue;
                }

                if (tag.Name.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    // Never Teams', but never shown either: skip to its end.
                    if (!tag.Closing)
                    {
                        var close = html.IndexOf("</" + tag.Name, i, end - i, StringComparison.OrdinalIgnoreCase);
                        i = close < 0 ? end : close;
                    }

                    continue;
                }

                if (tag.Name.Equals("at", StringComparison.OrdinalIgnoreCase))
                {
                    text.Append(tag.Closing ? "</at>" : "<at>");
                    mentionDepth = Math.Max(0, mentionDepth + (tag.Closing ? -1 : 1));
                }
                else if (tag.Name.Equals("span", StringComparison.OrdinalIgnoreCase))
                {
                    if (!tag.Closing)
                    {
                        var mention = tag.Attributes.Contains("schema.skype.com/Mention", StringComparison.OrdinalIgnoreCase);
                        mentionSpans.Push(mention);
                        text.Append(mention ? "<at>" : string.Empty);
                        mentionDepth += mention ? 1 : 0;
                    }
                    else if (mentionSpans.TryPop(out var mention) && mention)
                    {
                        text.Append("</at>");
                        mentionDepth = Math.Max(0, mentionDepth - 1);
                    }
                }
                else if (tag.Name.Equals("br", StringComparison.OrdinalIgnoreCase) || tag.Name.Equals("hr", StringComparison.OrdinalIgnoreCase))
                {
                    TrimSpaces(text);
                    text.Append('\n');
                }
                else if (LineTags.Contains(tag.Name) && !tag.Closing)
                {
                    // A block starts a line; where it started tells an empty paragraph (a blank line the recruiter left) on close.
                    StartLine(text);
                    blocks.Push(text.Length);
                    text.Append(tag.Name.Equals("li", StringComparison.OrdinalIgnoreCase) ? "- " : string.Empty);
                }
                else if (LineTags.Contains(tag.Name))
                {
                    TrimSpaces(text);
                    var empty = blocks.TryPop(out var start) && text.Length == start;
                    if (empty || (text.Length > 0 && text[^1] != '\n'))
                    {
                        text.Append('\n');
                    }
                }

                continue;
            }

            if (c == '&' && TryEntity(html, i, end) is { } entity)
            {
                text.Append(mentionDepth > 0 ? html.AsSpan(i, entity.End - i) : entity.Text);
                i = entity.End;
                continue;
            }

            if (collapse && char.IsWhiteSpace(c))
            {
                if (text.Length > 0 && text[^1] is not (' ' or '\n'))
                {
                    text.Append(' ');
                }
            }
            else
            {
                text.Append(c == '\r' ? '\n' : c);
                if (c == '\r' && i + 1 < end && html[i + 1] == '\n')
                {
                    i++;
                }
            }

            i++;
        }

        return Tidy(text.ToString());
    }

    private static string RemoveBotMention(Activity activity, string text)
    {
        var botId = activity.Recipient?.Id;
        foreach (var entity in activity.Entities ?? [])
        {
            if (!entity.IsMention || entity.GetMentioned() is not { } mentioned || botId is null || !string.Equals(mentioned.Id, botId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var tag = entity.GetText() ?? $"<at>{mentioned.Name}</at>";
            text = text.Replace(tag, string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return text.Trim();
    }

    private static bool HasLineTags(ReadOnlySpan<char> text) =>
        text.Contains("<p>", StringComparison.OrdinalIgnoreCase) || text.Contains("<p ", StringComparison.OrdinalIgnoreCase)
        || text.Contains("<div", StringComparison.OrdinalIgnoreCase) || text.Contains("<br", StringComparison.OrdinalIgnoreCase);

    /// <summary>The content of the first <c>text/html</c> attachment, when it is a string.</summary>
    private static string? HtmlAttachmentOf(Activity activity)
    {
        var html = activity.Attachments?.FirstOrDefault(a => string.Equals(a.ContentType, "text/html", StringComparison.OrdinalIgnoreCase));
        return html?.Content is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
    }

    /// <summary>A tag at <paramref name="start"/>: <c>&lt;</c>, an optional <c>/</c>, a name, attributes, <c>&gt;</c>; or a comment.</summary>
    private static Tag? TryTag(string html, int start, int end, bool isHtml)
    {
        if (string.CompareOrdinal(html, start, "<!--", 0, 4) == 0)
        {
            var close = html.IndexOf("-->", start + 4, end - start - 4, StringComparison.Ordinal);
            return new Tag(string.Empty, false, string.Empty, close < 0 ? end : close + 3, Comment: true);
        }

        var i = start + 1;
        var closing = i < end && html[i] == '/';
        if (closing)
        {
            i++;
        }

        var nameStart = i;
        while (i < end && (char.IsAsciiLetterOrDigit(html[i]) || (isHtml && html[i] is ':' or '-')))
        {
            i++;
        }

        if (i == nameStart || !char.IsAsciiLetter(html[nameStart]) || (i < end && html[i] is not ('>' or '/' or ' ' or '\t' or '\r' or '\n')))
        {
            return null;
        }

        var name = html[nameStart..i];
        if (!isHtml && !LineTags.Contains(name) && !InlineTags.Contains(name) && !name.Equals("at", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        // Attributes are short in Teams HTML; a bounded look keeps a run of unclosed "<p" linear.
        var gt = html.IndexOf('>', i, Math.Min(MaxTagLength, end - i));
        return gt < 0 ? null : new Tag(name, closing, html[i..gt], gt + 1, Comment: false);
    }

    /// <summary>An entity at <paramref name="start"/> (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;#x2019;</c>); a no-break space reads as a space.</summary>
    private static (string Text, int End)? TryEntity(string html, int start, int end)
    {
        const int Longest = 32;
        var semicolon = html.IndexOf(';', start + 1, Math.Min(Longest, end - start - 1));
        if (semicolon < 0)
        {
            return null;
        }

        var raw = html[start..(semicolon + 1)];
        var decoded = WebUtility.HtmlDecode(raw);
        return decoded == raw ? null : (decoded.Replace('\u00A0', ' '), semicolon + 1);
    }

    private static void TrimSpaces(StringBuilder text)
    {
        while (text.Length > 0 && text[^1] == ' ')
        {
            text.Length--;
        }
    }

    private static void StartLine(StringBuilder text)
    {
        TrimSpaces(text);
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }

    /// <summary>Lines without trailing spaces, at most one empty line in a row, none at either end.</summary>
    private static string Tidy(string text)
    {
        var lines = new List<string>();
        foreach (var line in text.Replace('\u00A0', ' ').Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed.Length > 0 || (lines.Count > 0 && lines[^1].Length > 0))
            {
                lines.Add(trimmed);
            }
        }

        while (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Join('\n', lines);
    }

    /// <summary>The other people mentioned (the bot's own mention left out), as the command parser wants them.</summary>
    public static IReadOnlyList<(string Text, Commands.Mention Mention)> OtherMentions(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var botId = activity.Recipient?.Id;
        var mentions = new List<(string, Commands.Mention)>();
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.IsMention && entity.GetMentioned() is { Id: { Length: > 0 } id } mentioned && !string.Equals(id, botId, StringComparison.OrdinalIgnoreCase))
            {
                mentions.Add((entity.GetText() ?? $"<at>{mentioned.Name}</at>", new Commands.Mention(id, mentioned.Name ?? string.Empty, mentioned.AadObjectId)));
            }
        }

        return mentions;
    }

    /// <summary>
    /// Command responses use the shared Markdown-light (<c>*bold*</c>, <c>`code`</c>, bullet lines); in Teams Markdown a single
    /// star is italics, so single-star emphasis becomes <c>**bold**</c>. Double stars and code spans are left alone.
    /// </summary>
    public static string ToTeamsMarkdown(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SingleStarBold().Replace(text, "**$1**");
    }

    // The lazy loop cannot cross a star, so each start reads only to the next one: linear, no timeout needed.
    [GeneratedRegex(@"(?<![*\w`])\*(?=\S)([^*\n`]+?)(?<=\S)\*(?![*\w])", RegexOptions.CultureInvariant)]
    private static partial Regex SingleStarBold();

    private sealed record Tag(string Name, bool Closing, string Attributes, int End, bool Comment);
}
