using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// Bounds and checks text fields of a model's output, which is untrusted: the LLM judge's verdict
/// (<see cref="LlmJudge"/>), the scorecard narrative (<see cref="LlmScorecardNarrator"/>) and the profile proposal
/// (<see cref="Drafting.LlmProfileDrafter"/>) all go through here.
/// </summary>
internal static partial class ModelText
{
    /// <summary>The problem <see cref="Fits"/> gives for text with nothing visible in it.</summary>
    public const string Empty = "empty";

    /// <summary>The problem <see cref="Fits"/> gives for markup or a link.</summary>
    public const string HoldsMarkup = "holds markup or a link";

    private static readonly SearchValues<char> BracketChars = SearchValues.Create("<>`[]{}");
    private static readonly SearchValues<char> BracketAndEmphasisChars = SearchValues.Create("<>`[]{}|*");

    /// <summary>
    /// One line: control characters, line breaks and runs of white space folded to single spaces, trimmed; null when
    /// nothing visible is left.
    /// </summary>
    public static string? OneLine(string? text)
    {
        if (IsBlank(text))
        {
            return null;
        }

        var chars = text.Select(c => char.IsControl(c) || char.IsWhiteSpace(c) ? ' ' : c).ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary><see cref="OneLine(string?)"/>, cut to at most <paramref name="max"/> characters with an ellipsis when longer.</summary>
    public static string? OneLine(string? text, int max)
    {
        var folded = OneLine(text);
        return folded is null || folded.Length <= max ? folded : Cut(folded, max).TrimEnd() + "…";
    }

    /// <summary>The first <paramref name="max"/> characters, never splitting a surrogate pair.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be shown as it is; when not, <paramref name="problem"/> says why:
    /// <see cref="Empty"/>, longer than <paramref name="max"/> characters, or <see cref="HoldsMarkup"/> under <paramref name="markup"/>.
    /// </summary>
    public static bool Fits([NotNullWhen(true)] string? text, int max, ModelMarkup markup, [NotNullWhen(false)] out string? problem)
    {
        problem = IsBlank(text) ? Empty
            : text.Length > max ? $"{text.Length} characters, more than {max}"
            : HasMarkup(text, markup) ? HoldsMarkup
            : null;
        return problem is null;
    }

    /// <summary>Whether <paramref name="text"/> holds what <paramref name="markup"/> forbids.</summary>
    public static bool HasMarkup(string text, ModelMarkup markup)
    {
        ArgumentNullException.ThrowIfNull(text);
        return markup switch
        {
            ModelMarkup.Brackets => text.AsSpan().ContainsAny(BracketChars) || text.Contains("://", StringComparison.Ordinal),
            ModelMarkup.BracketsAndEmphasis => text.AsSpan().ContainsAny(BracketAndEmphasisChars) || text.Contains("://", StringComparison.Ordinal),
            ModelMarkup.ProfileText => ProfileMarkup().IsMatch(text),
            _ => throw new ArgumentOutOfRangeException(nameof(markup), markup, "unknown markup rule"),
        };
    }

    private static bool IsBlank([NotNullWhen(false)] string? text) =>
        text is null || text.All(c => char.IsControl(c) || char.IsWhiteSpace(c));

    /// <summary>HTML tags, Markdown links, code fences, URLs and Slack/Teams mention syntax: none belongs in a profile's text.</summary>
    [GeneratedRegex(@"<[a-z!/@#]|\]\(|```|https?://|\{\{|<@|@channel|@here", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ProfileMarkup();
}
