namespace ScreeningBot.Dialogs.Judging;

/// <summary>Spans: how far a finding reaches (its sentence, line or block), and padding.</summary>
internal static partial class PromptInjectionDetector
{
    /// <summary>How far a block (braces, fence, comment) is followed to find its ends.</summary>
    private const int MaxBlockReach = 4_000;

    /// <summary>
    /// The part of <paramref name="text"/> a finding at [<paramref name="start"/>, <paramref name="end"/>) takes with
    /// it: the code fence, JSON object, HTML or C comment or Markdown table around it if any, widened to whole sentences.
    /// </summary>
    internal static (int Start, int End) Expand(string text, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(text);
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(Math.Max(end, start), 0, text.Length);
        (start, end) = Enclosing(text, start, end, "```", "```");
        (start, end) = Enclosing(text, start, end, "<!--", "-->");
        (start, end) = Enclosing(text, start, end, "/*", "*/");
        (start, end) = Braces(text, start, end);
        (start, end) = TableLines(text, start, end);
        return (SentenceStart(text, start), SentenceEnd(text, end));
    }

    /// <summary>Where the sentence holding <paramref name="index"/> starts: after . ! ? or a newline, or after a run of blanks.</summary>
    internal static int SentenceStart(string text, int index)
    {
        var blanks = 0;
        for (var i = Math.Min(index, text.Length) - 1; i >= 0; i--)
        {
            if (text[i] is '\n' or '!' or '?' or '。' || (text[i] == '.' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i + 1;
            }

            blanks = char.IsWhiteSpace(text[i]) ? blanks + 1 : 0;
            if (blanks >= 3)
            {
                return i;
            }
        }

        return 0;
    }

    /// <summary>Where the sentence holding the character before <paramref name="index"/> ends (just after its . ! ? or newline).</summary>
    internal static int SentenceEnd(string text, int index)
    {
        for (var i = Math.Max(0, index); i < text.Length; i++)
        {
            if (text[i] is '\n' or '。' || (text[i] is '.' or '!' or '?' && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]))))
            {
                return i + 1;
            }
        }

        return text.Length;
    }

    /// <summary>Widens the range to an <paramref name="open"/>…<paramref name="close"/> block that contains its start.</summary>
    private static (int Start, int End) Enclosing(string text, int start, int end, string open, string close)
    {
        var from = Math.Max(0, start - MaxBlockReach);
        var opened = -1;
        var i = text.IndexOf(open, from, StringComparison.Ordinal);
        while (i >= 0 && i <= start)
        {
            var closed = text.IndexOf(close, i + open.Length, StringComparison.Ordinal);
            if (closed < 0 || closed + close.Length > start)
            {
                opened = i;
                break;
            }

            i = text.IndexOf(open, closed + close.Length, StringComparison.Ordinal);
        }

        if (opened < 0)
        {
            return (start, end);
        }

        var finish = text.IndexOf(close, Math.Max(opened + open.Length, end - close.Length), StringComparison.Ordinal);
        return (opened, finish < 0 || finish - end > MaxBlockReach ? Math.Max(end, Math.Min(text.Length, end + MaxBlockReach)) : Math.Max(end, finish + close.Length));
    }

    /// <summary>Widens the range to the outermost {…} or […] around it (JSON and card fragments), if any.</summary>
    private static (int Start, int End) Braces(string text, int start, int end)
    {
        var depth = 0;
        var open = -1;
        for (var i = start - 1; i >= Math.Max(0, start - MaxBlockReach); i--)
        {
            if (text[i] is '}' or ']')
            {
                depth++;
            }
            else if (text[i] is '{' or '[')
            {
                if (depth == 0)
                {
                    open = i;
                }
                else
                {
                    depth--;
                }
            }
        }

        if (open < 0)
        {
            return (start, end);
        }

        depth = 0;
        for (var i = open; i < Math.Min(text.Length, open + (2 * MaxBlockReach)); i++)
        {
            if (text[i] is '{' or '[')
            {
                depth++;
            }
            else if (text[i] is '}' or ']' && --depth == 0)
            {
                return (open, Math.Max(end, i + 1));
            }
        }

        return (open, Math.Max(end, Math.Min(text.Length, open + (2 * MaxBlockReach))));
    }

    /// <summary>Widens the range to every adjacent line that starts with | (a Markdown table).</summary>
    private static (int Start, int End) TableLines(string text, int start, int end)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, start - 1)) + 1;
        if (start == 0)
        {
            lineStart = 0;
        }

        if (!text.AsSpan(lineStart).TrimStart(" \t").StartsWith("|"))
        {
            return (start, end);
        }

        var first = lineStart;
        while (first > 0)
        {
            var previous = text.LastIndexOf('\n', first - 2 >= 0 ? first - 2 : 0);
            var previousStart = previous < 0 ? 0 : previous + 1;
            if (first - 1 <= 0 || !text.AsSpan(previousStart, first - 1 - previousStart).TrimStart(" \t").StartsWith("|"))
            {
                break;
            }

            first = previousStart;
        }

        var last = end;
        while (last < text.Length)
        {
            var next = text.IndexOf('\n', last);
            if (next < 0)
            {
                last = text.Length;
                break;
            }

            if (!text.AsSpan(next + 1).TrimStart(" \t").StartsWith("|"))
            {
                last = next;
                break;
            }

            last = next + 1;
        }

        return (first, Math.Max(end, last));
    }

    /// <summary>Offset of the first padding run (long whitespace, one character or one word repeated), or -1.</summary>
    private static int FindPadding(string text, bool truncated)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var c = text[i];
            while (i < text.Length && (text[i] == c || (char.IsWhiteSpace(c) && char.IsWhiteSpace(text[i]))))
            {
                i++;
            }

            var run = i - start;
            if (run >= PaddingRun && (!char.IsWhiteSpace(c) || i < text.Length || truncated))
            {
                return start;
            }
        }

        return FindRepeatedWords(text);
    }

    private static int FindRepeatedWords(string text)
    {
        var previousStart = -1;
        var previousLength = 0;
        var repeats = 0;
        var runStart = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            var length = i - start;
            if (previousStart >= 0 && length == previousLength
                && text.AsSpan(start, length).Equals(text.AsSpan(previousStart, previousLength), StringComparison.OrdinalIgnoreCase))
            {
                if (++repeats >= RepeatedWordRun)
                {
                    return runStart;
                }
            }
            else
            {
                repeats = 1;
                runStart = start;
            }

            previousStart = start;
            previousLength = length;
        }

        return -1;
    }
}
