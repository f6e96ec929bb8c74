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

    /// <summary>An answer judged at least this deep gets no probing follow-up, whatever areas it left out (a pressure test still comes).</summary>
    public const double StrongAnswerDepth = 3.5;

    /// <summary>A pressure test challenges an answer with substance; a near-empty answer has nothing to push on.</summary>
    public const double MinPressureTestDepth = 2.0;

    /// <summary>What separates the words of a knowledge area's or probe's name.</summary>
    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(" -,/");

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
        CandidateLanguage language) =>
        Plan(question, judgment, followUpsAsked, maxFollowUps, probed, bannedTopics, language, answer: string.Empty);

    /// <summary>
    /// Plans for <paramref name="answer"/> (everything the candidate has said on the question so far): a probe is
    /// skipped when the answer already covers it (its area was covered, or the answer already gave numbers, trade-offs or
    /// the candidate's own part), and once no probe is due, the question's pressure test challenges the answer, good or not.
    /// </summary>
    public static FollowUpDecision Plan(
        CustomQuestion question,
        Judgment judgment,
        int followUpsAsked,
        int maxFollowUps,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics,
        CandidateLanguage language,
        string answer)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(judgment);
        ArgumentNullException.ThrowIfNull(probed);
        ArgumentNullException.ThrowIfNull(bannedTopics);
        ArgumentNullException.ThrowIfNull(answer);
        if (followUpsAsked >= maxFollowUps || judgment.RedFlags.Any(f => f.Code == RedFlag.NoAnswer))
        {
            return FollowUpDecision.None;
        }

        var probe = judgment.NeedsFollowUp && judgment.Depth < StrongAnswerDepth
            ? PlanProbe(question, judgment, probed, bannedTopics, language, answer)
            : FollowUpDecision.None;
        return probe.ShouldAsk ? probe : PlanPressureTest(question, judgment, probed, bannedTopics, language);
    }

    private static FollowUpDecision PlanProbe(
        CustomQuestion question,
        Judgment judgment,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics,
        CandidateLanguage language,
        string answer)
    {
        var gaps = Gaps(judgment)
            .Where(g => !probed.Contains(g, StringComparer.OrdinalIgnoreCase) && !Covered(g, judgment, answer))
            .ToArray();
        var unused = question.FollowUps
            .Where(f => f.Kind == FollowUpKind.Probe && !probed.Contains(f.Probes, StringComparer.OrdinalIgnoreCase) && !Covered(f.Probes, judgment, answer))
            .ToArray();

        // 1. The operator's own wording, aimed at a gap the judge found (by name, or sharing a word with a missing area).
        foreach (var gap in gaps)
        {
            if (unused.FirstOrDefault(f => Matches(f.Probes, gap)) is { } written)
            {
                return new FollowUpDecision(written.Probes, written.Text);
            }
        }

        // 2. The judge's own suggestion for its focus (LLM), unless it strays into a banned topic. The LLM read the answer,
        // so its focus is trusted even where the cheap cues say covered.
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

    /// <summary>The question's pressure test, once, for an answer with enough substance to be challenged.</summary>
    private static FollowUpDecision PlanPressureTest(
        CustomQuestion question,
        Judgment judgment,
        IReadOnlyList<string> probed,
        IReadOnlyList<string> bannedTopics,
        CandidateLanguage language)
    {
        if (judgment.Depth < MinPressureTestDepth)
        {
            return FollowUpDecision.None;
        }

        var test = question.FollowUps.FirstOrDefault(f => f.Kind == FollowUpKind.PressureTest
            && !probed.Contains(f.Probes, StringComparer.OrdinalIgnoreCase)
            && !TouchesBannedTopic(f.Text, bannedTopics));
        return test is null ? FollowUpDecision.None : new FollowUpDecision(test.Probes, language.Texts.PressureTest(test.Text));
    }

    /// <summary>
    /// True when the answer already says what <paramref name="probe"/> would ask for, so asking it would sound mechanical:
    /// an area the judge found covered, or (for the generic signals) numbers, trade-offs, the candidate's own part.
    /// </summary>
    internal static bool Covered(string probe, Judgment judgment, string answer)
    {
        if (judgment.AreasCovered.Any(a => Matches(probe, a)))
        {
            return true;
        }

        return probe.ToLowerInvariant() switch
        {
            Metrics => AnswerCues.Numbers(answer) >= 2,
            Tradeoffs => AnswerCues.NamesTradeoff(answer),
            Ownership => AnswerCues.SpeaksForThemselves(answer),
            Example => judgment.Specificity >= 3.5,
            _ => false,
        };
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

        // Word against word in place: names are a few words long, and this runs for every gap and follow-up of every answer.
        foreach (var gapRange in gap.AsSpan().SplitAny(WordSeparators))
        {
            var gapWord = gap.AsSpan(gapRange);
            if (!IsContentWord(gapWord))
            {
                continue;
            }

            foreach (var probeRange in probes.AsSpan().SplitAny(WordSeparators))
            {
                var probeWord = probes.AsSpan(probeRange);
                if (IsContentWord(probeWord) && SameLowercase(gapWord, probeWord))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsContentWord(ReadOnlySpan<char> word) =>
        word.Length > 3 && !word.SequenceEqual("with") && !word.SequenceEqual("from") && !word.SequenceEqual("into") && !word.SequenceEqual("over");

    /// <summary>Equal once both are lowercased with the invariant culture, as <see cref="string.ToLowerInvariant()"/> would.</summary>
    private static bool SameLowercase(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>A follow-up to ask (or <see cref="None"/>).</summary>
/// <param name="Focus">The knowledge area or signal it probes.</param>
/// <param name="Text">The question, as the candidate will read it.</param>
public sealed record FollowUpDecision(string? Focus, string? Text)
{
    public static FollowUpDecision None { get; } = new(null, null);

    public bool ShouldAsk => Text is not null;
}
