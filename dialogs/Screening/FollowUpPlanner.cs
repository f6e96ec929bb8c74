using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Decides whether a custom question gets an adaptive follow-up and which one: aimed at what the judgment
/// says was missing, pre-written wording from the profile first, never the same focus twice, never more than
/// the template allows, and never touching a banned topic.
/// </summary>
public static class FollowUpPlanner
{
    /// <summary>Signal names a follow-up can probe besides knowledge areas.</summary>
    public const string Metrics = "metrics";

    public const string Tradeoffs = "tradeoffs";

    public const string Ownership = "ownership";

    public const string Example = "example";

    public const string FailureModes = "failure-modes";

    /// <summary>An answer judged at least this deep gets no follow-up, whatever areas it left out.</summary>
    public const double StrongAnswerDepth = 3.5;

    public static FollowUpDecision Plan(
        CustomQuestion question,
        Judgment judgment,
        int followUpsAsked,
        int maxFollowUps,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics) =>
        Plan(question, judgment, followUpsAsked, maxFollowUps, probed, bannedTopics, CandidateLanguages.English);

    /// <summary>
    /// Plans in <paramref name="language"/>: generic wording comes from its file. The judge's own suggestion is written in
    /// English (the judge's prompt is), so in another language it is left out and a pre-written or generic follow-up is asked.
    /// </summary>
    public static FollowUpDecision Plan(
        CustomQuestion question,
        Judgment judgment,
        int followUpsAsked,
        int maxFollowUps,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics,
        CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(judgment);
        ArgumentNullException.ThrowIfNull(probed);
        ArgumentNullException.ThrowIfNull(bannedTopics);
        if (followUpsAsked >= maxFollowUps
            || !judgment.NeedsFollowUp
            || judgment.Depth >= StrongAnswerDepth
            || judgment.RedFlags.Any(f => f.Code == RedFlag.NoAnswer))
        {
            return FollowUpDecision.None;
        }

        var gaps = Gaps(judgment).Where(g => !probed.Contains(g, StringComparer.OrdinalIgnoreCase)).ToArray();
        var unused = question.FollowUps.Where(f => !probed.Contains(f.Probes, StringComparer.OrdinalIgnoreCase)).ToArray();

        // 1. The operator's own wording, aimed at a gap the judge found (by name, or sharing a word with a missing area).
        foreach (var gap in gaps)
        {
            if (unused.FirstOrDefault(f => Matches(f.Probes, gap)) is { } written)
            {
                return new FollowUpDecision(written.Probes, written.Text);
            }
        }

        // 2. The judge's own suggestion for its focus (LLM), unless it strays into a banned topic.
        if (language.IsEnglish && judgment.SuggestedFollowUp is { Length: > 0 } suggested && judgment.FollowUpFocus is { } focus
            && !probed.Contains(focus, StringComparer.OrdinalIgnoreCase) && !TouchesBannedTopic(suggested, bannedTopics))
        {
            return new FollowUpDecision(focus, suggested);
        }

        // 3. Any pre-written follow-up not yet asked, in profile order: it probes what the operator cares about.
        if (unused.Length > 0)
        {
            return new FollowUpDecision(unused[0].Probes, unused[0].Text);
        }

        // 4. Generic wording for the most important gap.
        return gaps.Length > 0 ? new FollowUpDecision(gaps[0], language.Texts.FollowUp(gaps[0])) : FollowUpDecision.None;
    }

    /// <summary>
    /// True when <paramref name="text"/> mentions a banned topic as a whole word or phrase. Topics written as
    /// alternatives ("age or date of birth", "ethnicity/race") are checked alternative by alternative.
    /// </summary>
    public static bool TouchesBannedTopic(string text, IReadOnlyList<string> bannedTopics)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(bannedTopics);
        var alternatives = bannedTopics
            .SelectMany(t => t.Split([" or ", ",", "/", ";"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(t => t.Length > 1);
        foreach (var topic in alternatives)
        {
            var index = text.IndexOf(topic, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
                var end = index + topic.Length;
                var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
                if (before && after)
                {
                    return true;
                }

                index = text.IndexOf(topic, index + 1, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>What the answer lacks, most important first: the judge's focus, missing areas, then missing signals.</summary>
    private static IEnumerable<string> Gaps(Judgment judgment)
    {
        if (judgment.FollowUpFocus is { } focus)
        {
            yield return focus;
        }

        foreach (var missing in judgment.AreasMissing)
        {
            yield return missing;
        }

        if (judgment.Specificity < 3)
        {
            yield return Metrics;
            yield return Example;
        }

        yield return Tradeoffs;
    }

    /// <summary>A follow-up probing <paramref name="probes"/> addresses <paramref name="gap"/> when the names are equal or share a content word.</summary>
    private static bool Matches(string probes, string gap)
    {
        if (string.Equals(probes, gap, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var probeWords = Words(probes);
        return Words(gap).Any(probeWords.Contains);
    }

    private static HashSet<string> Words(string text) =>
        text.Split([' ', '-', ',', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 3 && w is not ("with" or "and" or "from" or "into" or "over"))
            .Select(w => w.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
}

/// <summary>A follow-up to ask (or <see cref="None"/>).</summary>
/// <param name="Focus">The knowledge area or signal it probes.</param>
/// <param name="Text">The question, as the candidate will read it.</param>
public sealed record FollowUpDecision(string? Focus, string? Text)
{
    public static FollowUpDecision None { get; } = new(null, null);

    public bool ShouldAsk => Text is not null;
}
