using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ScreeningBot.Bot.Rehearsal;

/// <summary>
/// The chat Markdown the bot writes, made readable in a terminal: no <c>**</c>, <c>_</c> or <c>#</c> markers; emphasis and
/// headings in bold and italics when <c>styled</c> (an interactive terminal), else plain; bullets as <c>•</c>; links as
/// <c>text (address)</c>. Control characters in the text (an escape sequence in a candidate's name) are dropped, so
/// nothing printed can drive the terminal.
/// </summary>
internal static class TerminalMarkdown
{
    private const string Bold = "\u001b[1m";
    private const string NotBold = "\u001b[22m";
    private const string Italic = "\u001b[3m";
    private const string NotItalic = "\u001b[23m";

    // Raw HTML stays literal text: the bot never writes it, and a candidate's "<b>" must print as typed.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown, bool styled)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var document = Markdown.Parse(markdown, Pipeline);
        var text = new StringBuilder();
        WriteBlocks(document, text, styled);
        return text.ToString().TrimEnd('\n');
    }

    private static void WriteBlocks(ContainerBlock container, StringBuilder text, bool styled)
    {
        foreach (var block in container)
        {
            switch (block)
            {
                case HeadingBlock heading:
                    StartBlock(text);
                    Styled(text, styled, Bold, NotBold, t => WriteInlines(heading.Inline, t, styled));
                    text.Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    StartBlock(text);
                    WriteInlines(paragraph.Inline, text, styled);
                    text.Append('\n');
                    break;
                case ListBlock list:
                    var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                    foreach (var item in list.OfType<ListItemBlock>())
                    {
                        var marker = list.IsOrdered ? $"{number++}. " : "• ";
                        var body = new StringBuilder();
                        WriteBlocks(item, body, styled);
                        var lines = body.ToString().Trim('\n').Split('\n').Where(l => l.Length > 0);
                        text.Append("  ").Append(marker).AppendJoin("\n" + new string(' ', 2 + marker.Length), lines).Append('\n');
                    }

                    break;
                case QuoteBlock quote:
                    var quoted = new StringBuilder();
                    WriteBlocks(quote, quoted, styled);
                    StartBlock(text);
                    text.AppendJoin('\n', quoted.ToString().Trim('\n').Split('\n').Select(l => "│ " + l)).Append('\n');
                    break;
                case LeafBlock { Inline: null } leaf when leaf.Lines.Count > 0:
                    // Code blocks: their lines as they are, indented.
                    StartBlock(text);
                    foreach (var line in leaf.Lines.Lines.Take(leaf.Lines.Count))
                    {
                        text.Append("    ");
                        AppendSafe(text, line.Slice.ToString());
                        text.Append('\n');
                    }

                    break;
                case ThematicBreakBlock:
                    StartBlock(text);
                    text.Append(new string('─', 20)).Append('\n');
                    break;
                case ContainerBlock nested:
                    WriteBlocks(nested, text, styled);
                    break;
            }
        }
    }

    /// <summary>A blank line between blocks, as chat clients show paragraphs.</summary>
    private static void StartBlock(StringBuilder text)
    {
        if (text.Length > 0 && !EndsWithBlankLine(text))
        {
            text.Append('\n');
        }
    }

    private static bool EndsWithBlankLine(StringBuilder text) => text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n';

    private static void WriteInlines(ContainerInline? container, StringBuilder text, bool styled)
    {
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    AppendSafe(text, literal.Content.ToString());
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2;
                    Styled(text, styled, strong ? Bold : Italic, strong ? NotBold : NotItalic, t => WriteInlines(emphasis, t, styled));
                    break;
                case CodeInline code:
                    AppendSafe(text, code.Content);
                    break;
                case AutolinkInline autolink:
                    AppendSafe(text, autolink.Url);
                    break;
                case LinkInline link:
                    var label = new StringBuilder();
                    WriteInlines(link, label, styled);
                    text.Append(label);
                    if (link.Url is { Length: > 0 } url && !string.Equals(url, label.ToString(), StringComparison.Ordinal))
                    {
                        text.Append(" (");
                        AppendSafe(text, url);
                        text.Append(')');
                    }

                    break;
                case LineBreakInline:
                    text.Append('\n');
                    break;
                case HtmlEntityInline entity:
                    AppendSafe(text, entity.Transcoded.ToString());
                    break;
                case ContainerInline nested:
                    WriteInlines(nested, text, styled);
                    break;
            }
        }
    }

    private static void Styled(StringBuilder text, bool styled, string on, string off, Action<StringBuilder> write)
    {
        if (styled)
        {
            text.Append(on);
        }

        write(text);
        if (styled)
        {
            text.Append(off);
        }
    }

    private static void AppendSafe(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            if (c == '\t' || !char.IsControl(c))
            {
                text.Append(c);
            }
        }
    }
}
