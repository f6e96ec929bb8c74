using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Finds HTML markup (elements with their content, comments, tags with attributes) and links (URLs, Markdown links and
/// images, script URIs) in an answer. Markup and links are never read as part of an answer: hidden elements and link
/// text are a known way to slip terms past a reader. Type parameters such as <c>List&lt;string&gt;</c> are not markup.
/// Stateless and thread-safe; linear in the (bounded) text, so the regexes carry no wall-clock timeout that could change a result.
/// </summary>
internal static partial class MarkupDetector
{
    private const int MaxElementReach = 4_000;
    private const int MaxSpans = 64;

    private static readonly FrozenSet<string> HtmlElements = """
        a abbr b base blink body br button center code details div em embed font form h1 h2 h3 h4 h5 h6 head hr html i iframe
        img input label li link marquee meta noscript object ol option p pre script section select small source span strong
        style sub summary sup svg table tbody td textarea th thead title tr u ul video audio
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("""<!--[\s\S]{0,4000}?(-->|$)|<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]{0,15})(?<attrs>\s[^<>]{0,500})?\s*/?>""", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, Timeout.Infinite)]
    private static partial Regex TagPattern();

    [GeneratedRegex("""!?\[[^\]\n]{0,200}\]\([^)\s]{1,500}\)|\b(https?|ftp)://[^\s<>"'\])]+|\bwww\.[a-z0-9\-]{1,63}(\.[a-z0-9\-]{1,63})+[^\s<>"'\])]*|\b(javascript|vbscript):[^\s]{1,500}|\bdata:[a-z]{1,20}/[a-z0-9.+\-]{1,40}[;,][^\s]{0,500}""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture, Timeout.Infinite)]
    private static partial Regex LinkPattern();

    /// <summary>The parts of <paramref name="text"/> that are markup or links, sorted and merged; empty when none.</summary>
    public static IReadOnlyList<(int Start, int End)> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<(int Start, int End)>();
        if (text.Contains('<', StringComparison.Ordinal))
        {
            AddTags(text, spans);
        }

        if (text.Contains(':', StringComparison.Ordinal) || text.Contains("www.", StringComparison.OrdinalIgnoreCase) || text.Contains("](", StringComparison.Ordinal))
        {
            foreach (var match in LinkPattern().EnumerateMatches(text))
            {
                if (spans.Count >= MaxSpans)
                {
                    break;
                }

                spans.Add((match.Index, match.Index + match.Length));
            }
        }

        return Merge(spans);
    }

    private static void AddTags(string text, List<(int Start, int End)> spans)
    {
        foreach (Match match in TagPattern().Matches(text))
        {
            if (spans.Count >= MaxSpans)
            {
                return;
            }

            var name = match.Groups["name"];
            if (!name.Success)
            {
                spans.Add((match.Index, match.Index + match.Length));
                continue;
            }

            var hasAttributes = match.Groups["attrs"] is { Success: true } attrs && attrs.Value.Contains('=', StringComparison.Ordinal);
            if (!HtmlElements.Contains(name.Value) && !hasAttributes)
            {
                continue;
            }

            var end = match.Index + match.Length;
            if (!match.Groups["close"].Success && !match.Value.EndsWith("/>", StringComparison.Ordinal))
            {
                // An element takes its content with it: <div style="display:none">…</div>.
                var close = text.IndexOf("</" + name.Value, end, Math.Min(MaxElementReach, text.Length - end), StringComparison.OrdinalIgnoreCase);
                if (close >= 0)
                {
                    var gt = text.IndexOf('>', close);
                    end = gt < 0 ? text.Length : gt + 1;
                }
            }

            spans.Add((match.Index, end));
        }
    }

    private static List<(int Start, int End)> Merge(List<(int Start, int End)> spans)
    {
        spans.Sort();
        var merged = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            if (merged.Count > 0 && span.Start <= merged[^1].End)
            {
                merged[^1] = (merged[^1].Start, Math.Max(merged[^1].End, span.End));
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
