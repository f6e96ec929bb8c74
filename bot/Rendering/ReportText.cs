using System.Globalization;
using System.Text;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Rendering;

/// <summary>Small formatting rules shared by every rendering of a scorecard.</summary>
internal static class ReportText
{
    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Confidence as a percentage: 0.84 → "84%".</summary>
    public static string Percent(double confidence) => (Math.Clamp(confidence, 0, 1) * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>
    /// Only a completed screen has a score worth reading; a knockout, a decline, a withdrawal, an expiry, a cancellation or
    /// a changed profile gets the short not-scored card instead of a score grid.
    /// </summary>
    public static bool IsScored(Scorecard scorecard) => scorecard.Outcome == InterviewStatus.Completed;

    /// <summary>"Not scored: withdrew after answering 25% of the questions" and the like: the headline of a not-scored card.</summary>
    public static string NotScoredHeadline(InterviewStatus outcome, int coveragePercent) => outcome switch
    {
        InterviewStatus.KnockedOut => "Not scored: a must-have requirement was not met",
        InterviewStatus.Declined => "Not screened: declined the automated screen",
        InterviewStatus.OptedOut => "Not screened: asked for an interview with a person",
        InterviewStatus.Withdrawn => $"Not scored: withdrew{Progress(coveragePercent)}",
        InterviewStatus.Expired => $"Not scored: the screen expired{Progress(coveragePercent)}",
        InterviewStatus.Cancelled => "Not scored: cancelled by a recruiter",
        InterviewStatus.Invalidated => "Not scored: the profile changed mid-screen",
        _ => "Not scored: " + Outcome(outcome).ToLowerInvariant(),
    };

    /// <summary>"Advanced", "Not evidenced"; "Evidenced" on a scorecard stored before levels existed.</summary>
    public static string Level(CompetencyLine competency) =>
        competency.Level is { } level ? level.ToDisplay() : competency.Passed ? "Evidenced" : CompetencyLevel.NotEvidenced.ToDisplay();

    /// <summary>✅ for a competency shown with at least a concrete example, ➖ for one only mentioned, ⚠️ for none.</summary>
    public static string LevelIcon(CompetencyLine competency) =>
        !competency.Passed ? "⚠️" : competency.Level == CompetencyLevel.Basic ? "➖" : "✅";

    /// <summary>"Does not mention versioning (API design): not mentioned" or "… (API design): “we log the card number”".</summary>
    public static string RedFlag(RedFlagLine flag, Func<string, string> escape) =>
        $"{escape(flag.Flag)} ({escape(flag.Topic)}): " + (flag.NotMentioned ? "not mentioned" : flag.Quote is { } quote ? $"“{escape(quote)}”" : "said in the answer");

    /// <summary>
    /// How the composite score is made, in one line: the weighted rubric plus the preferred-skill bonus, and how the
    /// rubric differs from the required-skill scores beside it.
    /// </summary>
    public static string ScoreExplanation(Scorecard scorecard)
    {
        var bonus = scorecard.PreferredSkillBonus > 0
            ? $" plus {scorecard.PreferredSkillBonus} bonus {(scorecard.PreferredSkillBonus == 1 ? "point" : "points")} for preferred skills ({string.Join(", ", scorecard.PreferredSkills.Select(s => s.Name).Take(3))})"
            : string.Empty;
        var skills = scorecard.RequiredSkills.Count > 0
            ? "; rubric lines score every answer feeding them, required skills only the questions tagged with that skill, so the two can differ"
            : string.Empty;
        return $"Score: the rubric weighted by the percentages below{bonus}{skills}.";
    }

    /// <summary>The coverage breakdown as (label, value) pairs, for fact sets and tables.</summary>
    public static IReadOnlyList<(string Label, string Value)> Coverage(Scorecard scorecard)
    {
        var rows = new List<(string, string)> { ("Questions answered", $"{scorecard.CoveragePercent}%") };
        if (scorecard.Breakdown is not { } b)
        {
            return rows;
        }

        if (b.CustomTotal > 0)
        {
            rows.Add(("Experience questions", $"{b.CustomAnswered}/{b.CustomTotal}"));
        }

        if (b.BlueprintDepthPercent is { } depth)
        {
            rows.Add(("Design deep-dive depth", $"{depth}%"));
        }

        if (b.CompetenciesTotal > 0)
        {
            rows.Add(("Competencies evidenced", $"{b.CompetenciesEvidenced}/{b.CompetenciesTotal}"));
        }

        if (b.RequiredSkillsTotal > 0)
        {
            rows.Add(("Required skills shown", $"{b.RequiredSkillsShown}/{b.RequiredSkillsTotal}"));
        }

        if (b.PreferredSkillsTotal > 0)
        {
            rows.Add(("Preferred skills mentioned", $"{b.PreferredSkillsShown}/{b.PreferredSkillsTotal}"));
        }

        if (b.Language is { } language)
        {
            rows.Add(("Language", language));
        }

        return rows;
    }

    /// <summary>"Skipped: caching invalidation, follow-up 2; not reached: …", or null without gaps.</summary>
    public static string? Gaps(Scorecard scorecard)
    {
        if (scorecard.Breakdown is not { Gaps.Count: > 0 } b)
        {
            return null;
        }

        return string.Join("; ", b.Gaps.GroupBy(g => g.Reason).OrderBy(g => g.Key).Select(g => $"{GapReason(g.Key)}: {string.Join(", ", g.Select(x => x.Topic))}"));
    }

    /// <summary>"skipped", "not reached", "not reached (time)", "asked, nothing usable in the answer".</summary>
    public static string GapReason(CoverageGapReason reason) => reason switch
    {
        CoverageGapReason.Skipped => "skipped",
        CoverageGapReason.NotAnswered => "asked, nothing usable in the answer",
        CoverageGapReason.NotReachedForTime => "not reached (time)",
        _ => "not reached",
    };

    private static string Progress(int coveragePercent) =>
        coveragePercent > 0 ? $" after answering {coveragePercent}% of the questions" : " before answering a question";

    /// <summary>
    /// Markdown made inert: the characters that make links, emphasis, code, strike-through, tables and HTML are
    /// backslash-escaped (CommonMark's backslash escapes), and a leading list, quote or heading marker too, so a
    /// candidate's <c>[HR portal](https://…)</c>, <c>**bold**</c> or <c>&lt;b&gt;</c> shows as typed and never becomes a
    /// link, emphasis or markup. Line breaks become spaces, so the text stays one paragraph.
    /// </summary>
    public static string InertMarkdown(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var inert = new StringBuilder(text.Length + 16);
        var start = true;
        var number = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i] is '\r' or '\n' ? ' ' : text[i];
            var leading = (start && c is '#' or '-' or '+' or '=') || (number && c is '.' or ')');

            // An underscore inside a word (pg_stat_statements) never starts emphasis, so it stays as typed.
            var intraword = c == '_' && i > 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i - 1]) && char.IsLetterOrDigit(text[i + 1]);
            if (leading || (c == '_' && !intraword) || c is '\\' or '`' or '*' or '[' or ']' or '<' or '>' or '~' or '|' or '&')
            {
                inert.Append('\\');
            }

            inert.Append(c);
            number = (start || number) && char.IsAsciiDigit(c);
            start = start && char.IsWhiteSpace(c);
        }

        return inert.ToString();
    }

    /// <summary>"2026-12-07 09:30 UTC".</summary>
    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Outcome(InterviewStatus status) => status switch
    {
        InterviewStatus.Completed => "Completed",
        InterviewStatus.KnockedOut => "Ended at a knockout question",
        InterviewStatus.Declined => "Candidate declined consent",
        InterviewStatus.OptedOut => "Candidate asked for a person",
        InterviewStatus.Withdrawn => "Candidate withdrew",
        InterviewStatus.Expired => "Expired before completion",
        InterviewStatus.Cancelled => "Cancelled by a recruiter",
        InterviewStatus.Invalidated => "Stopped: the profile changed",
        InterviewStatus.Paused => "Paused",
        InterviewStatus.InProgress => "In progress",
        _ => "Not started",
    };

    /// <summary>Cuts <paramref name="text"/> to <paramref name="max"/> characters with an ellipsis, never inside a surrogate pair.</summary>
    public static string Trim(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - 1;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return text[..cut].TrimEnd() + "…";
    }
}
