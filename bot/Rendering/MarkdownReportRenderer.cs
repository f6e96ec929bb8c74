using System.Globalization;
using System.Text;
using Humanizer;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Rendering;

/// <summary>The full report: every scorecard figure with its evidence, then the whole transcript.</summary>
internal static class MarkdownReportRenderer
{
    /// <summary>The report; with <paramref name="decisions"/>, the recruiters' decisions and notes follow the figures.</summary>
    public static string Render(Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript, DecisionHistory? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        ArgumentNullException.ThrowIfNull(transcript);
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Screening report: {Escape(scorecard.CandidateName)}");
        md.AppendLine();
        var scored = ReportText.IsScored(scorecard);
        md.AppendLine(scored
            ? $"**{Escape(scorecard.ProfileTitle)}** · {scorecard.Recommendation.ToDisplay()} · **{scorecard.CompositeScore}/100**"
            : $"**{Escape(scorecard.ProfileTitle)}** · {Escape(ReportText.NotScoredHeadline(scorecard.Outcome, scorecard.CoveragePercent))}");
        md.AppendLine();
        md.AppendLine(Escape(scored ? scorecard.Summary : scorecard.SuggestedNextStep));
        md.AppendLine();
        if (scorecard.Rationale is { Length: > 0 } rationale)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Why:** {Escape(rationale)}");
            md.AppendLine();
        }

        md.AppendLine("| | |");
        md.AppendLine("|---|---|");
        if (scored)
        {
            Row(md, "Recommendation", scorecard.Recommendation.ToDisplay());
            Row(md, "Composite score", $"{scorecard.CompositeScore}/100" + (scorecard.PreferredSkillBonus > 0 ? $" (includes +{scorecard.PreferredSkillBonus} preferred-skill bonus)" : string.Empty));
            Row(md, "Confidence", ReportText.Percent(scorecard.Confidence));
        }
        else
        {
            Row(md, "Score", "none: not scored");
        }

        Row(md, "Outcome", ReportText.Outcome(scorecard.Outcome));
        Row(md, "Time spent", scorecard.ActiveDuration < TimeSpan.FromMinutes(1) ? "under a minute" : scorecard.ActiveDuration.Humanize(precision: 2, minUnit: Humanizer.TimeUnit.Minute));
        Row(md, "Judged by", scorecard.JudgeDescription);
        if (scorecard.LlmInputTokens + scorecard.LlmOutputTokens > 0)
        {
            Row(md, "LLM tokens", $"{scorecard.LlmInputTokens:N0} in, {scorecard.LlmOutputTokens:N0} out" + (scorecard.EstimatedCostUsd is { } cost ? $" (≈ ${cost.ToString("0.000", CultureInfo.InvariantCulture)})" : string.Empty));
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| Interview | `{scorecard.InterviewId}` on profile `{scorecard.ProfileId}`, {scorecard.StartedAt:yyyy-MM-dd HH:mm} to {scorecard.CompletedAt:yyyy-MM-dd HH:mm} UTC |");
        md.AppendLine();
        if (scored)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"_{Escape(ReportText.ScoreExplanation(scorecard))}_");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**Suggested next step:** {Escape(scorecard.SuggestedNextStep)}");
            md.AppendLine();
        }

        DecisionSection(md, decisions);
        Coverage(md, scorecard);
        if (scored && scorecard.RedFlags.Count > 0)
        {
            List(md, "Red flags", [.. scorecard.RedFlags.Select(f => "🚩 " + ReportText.RedFlag(f, t => t))]);
        }

        List(md, "Strengths", scorecard.Strengths);
        List(md, "Risks", scorecard.Risks);
        Integrity(md, scorecard.Integrity);

        Table(md, "Knockouts", "| Question | Answer | Result |", "|---|---|---|", scorecard.Knockouts,
            k => $"| {Cell(k.Question)} | {Cell(k.Answer)} | {(k.Passed ? "pass" : "**fail**")} |");
        if (!scored)
        {
            Transcript(md, scorecard, transcript);
            return md.ToString();
        }

        Table(md, "Rubric", "| Dimension | Weight | Score | Evidence |", "|---|---:|---:|---|", scorecard.Dimensions,
            d => string.Create(CultureInfo.InvariantCulture, $"| {Cell(d.Name)} | {d.Weight}% | {ReportText.Score(d.Score)}/10 | {Quote(d.Quote)} |"));
        Skills(md, "Required skills", scorecard.RequiredSkills);
        Skills(md, "Preferred skills", scorecard.PreferredSkills);

        if (scorecard.Competencies.Count > 0)
        {
            md.AppendLine("## Competencies");
            md.AppendLine();
            foreach (var c in scorecard.Competencies)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {ReportText.LevelIcon(c)} **{ReportText.Level(c)}**: {Escape(c.Statement.TrimEnd('.'))}{(c.Evidence is null ? string.Empty : $": {Quote(c.Evidence)}")}");
            }

            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"_{Escape(CompetencyLevels.Legend)}_");
            md.AppendLine();
        }

        if (scorecard.Blueprints.Count > 0)
        {
            md.AppendLine("## Design deep-dives");
            md.AppendLine();
            foreach (var b in scorecard.Blueprints)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **{Escape(b.Question)}** depth {ReportText.Score(b.Depth)}/5");
                md.AppendLine(CultureInfo.InvariantCulture, $"  - covered (+): {(b.Covered.Count == 0 ? "none" : Escape(string.Join(", ", b.Covered)))}");
                if (b.Touched.Count > 0)
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - touched on (~): {Escape(string.Join(", ", b.Touched))}");
                }

                md.AppendLine(CultureInfo.InvariantCulture, $"  - missed (−): {(b.Missing.Count == 0 ? "none" : Escape(string.Join(", ", b.Missing)))}");
            }

            md.AppendLine();
        }

        if (scorecard.Language is { } language)
        {
            md.AppendLine("## Language");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"**{language.Language}: {language.Headline}** ({(language.MeetsTarget ? "meets the target" : language.Assessed ? "below the target" : "no level given")}; {language.SourceLabel}).");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"- Shown: {language.Method}.");
            if (language.Offline is { } offline)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Offline estimate of the language answers: {offline.Summary}.");
                foreach (var note in offline.Notes.Skip(offline.Verdict == Dialogs.Language.LanguageVerdict.Assessed ? 0 : 1))
                {
                    md.AppendLine(CultureInfo.InvariantCulture, $"  - {note}");
                }
            }

            if (language.RestOfInterview is { } rest)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- Rest of the interview (offline, shown apart): {rest.Summary}.");
            }

            md.AppendLine();
        }

        if (scorecard.NotableQuotes.Count > 0)
        {
            md.AppendLine("## Notable quotes");
            md.AppendLine();
            foreach (var q in scorecard.NotableQuotes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"> {Escape(q.Text)}  ");
                md.AppendLine(CultureInfo.InvariantCulture, $"> (answer to `{q.QuestionId}`)");
                md.AppendLine();
            }
        }

        Transcript(md, scorecard, transcript);
        return md.ToString();
    }

    /// <summary>
    /// Every decision and note in the order they were made, whether typed as a command or entered on the scorecard (the
    /// card shows only the latest few); nothing when nobody has decided or noted anything yet.
    /// </summary>
    private static void DecisionSection(StringBuilder md, DecisionHistory? decisions)
    {
        if (decisions is null || decisions.Entries.Count == 0)
        {
            return;
        }

        md.AppendLine("## Decision and notes");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"**{Escape(DecisionPanel.Status(decisions))}**");
        md.AppendLine();
        foreach (var entry in decisions.Entries)
        {
            var what = entry.Decision is { } decision ? $"**{decision.ToDisplay()}**" : "Note";
            var text = entry.Text is { Length: > 0 } t ? ": " + Escape(t) : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture, $"- {DecisionPanel.When(entry.At)} · {what} by {Escape(entry.By)} ({Escape(entry.Source)}){text}");
        }

        md.AppendLine();
    }

    /// <summary>Part by part: the figures of <see cref="ReportText.Coverage"/>, then every gap.</summary>
    private static void Coverage(StringBuilder md, Scorecard scorecard)
    {
        md.AppendLine("## Coverage");
        md.AppendLine();
        md.AppendLine("| Part | Covered |");
        md.AppendLine("|---|---:|");
        foreach (var (label, value) in ReportText.Coverage(scorecard))
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| {label} | {Cell(value)} |");
        }

        md.AppendLine();
        if (scorecard.Breakdown is { Gaps.Count: > 0 } breakdown)
        {
            md.AppendLine("Gaps:");
            md.AppendLine();
            foreach (var gap in breakdown.Gaps)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(gap.Topic)} (`{Escape(gap.QuestionId)}`): {ReportText.GapReason(gap.Reason)}");
            }

            md.AppendLine();
        }
    }

    private static void Transcript(StringBuilder md, Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript)
    {
        md.AppendLine("## Transcript");
        md.AppendLine();
        foreach (var turn in transcript)
        {
            var who = turn.Speaker == Speaker.Bot ? "**Screener**" : $"**{Escape(scorecard.CandidateName)}**";
            var meta = turn.AnswerLatency is { } latency ? $" _(answered in {latency.Humanize(precision: 1)})_" : string.Empty;
            md.AppendLine(CultureInfo.InvariantCulture, $"{turn.Timestamp:HH:mm:ss} {who}{meta}:");
            md.AppendLine();
            foreach (var line in turn.Text.Split('\n'))
            {
                md.AppendLine(turn.Speaker == Speaker.Candidate ? "> " + Escape(line) : line);
            }

            md.AppendLine();
        }
    }

    private static void Row(StringBuilder md, string name, string value) =>
        md.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Cell(value)} |");

    private static void List(StringBuilder md, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## {heading}");
        md.AppendLine();
        foreach (var item in items)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(item)}");
        }

        md.AppendLine();
    }

    /// <summary>Every integrity flag with the answer it names and why; said plainly when there is none.</summary>
    private static void Integrity(StringBuilder md, IReadOnlyList<IntegrityFlag> flags)
    {
        md.AppendLine("## Integrity");
        md.AppendLine();
        if (flags.Count == 0)
        {
            md.AppendLine("No answer was flagged: nothing addressed to the grader, copied, repeated, listed without sentences or typed impossibly fast.");
            md.AppendLine();
            return;
        }

        md.AppendLine("Flagged parts were left out of every score; the rest of each answer was judged as usual.");
        md.AppendLine();
        foreach (var flag in flags)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- ⚠️ `{Escape(flag.QuestionId)}`, {IntegrityFlag.KindOf(flag.Code)}: {Escape(flag.Detail)}");
        }

        md.AppendLine();
    }

    private static void Skills(StringBuilder md, string heading, IReadOnlyList<SkillLine> skills) =>
        Table(md, heading, "| Skill | Score | Evidence |", "|---|---:|---|", skills,
            s => $"| {Cell(s.Name)} | {ReportText.Score(s.Score)}/10 | {Quote(s.Evidence)} |");

    /// <summary>A "## heading" section holding a table, one row per item; nothing at all when there are no items.</summary>
    private static void Table<T>(StringBuilder md, string heading, string header, string alignment, IReadOnlyList<T> items, Func<T, string> row)
    {
        if (items.Count == 0)
        {
            return;
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"## {heading}");
        md.AppendLine();
        md.AppendLine(header);
        md.AppendLine(alignment);
        foreach (var item in items)
        {
            md.AppendLine(row(item));
        }

        md.AppendLine();
    }

    private static string Quote(string? text) => text is null ? "–" : $"“{Cell(text)}”";

    /// <summary>A table cell: inert, on one line (<see cref="ReportText.InertMarkdown"/> escapes the pipe too).</summary>
    private static string Cell(string text) => Escape(text);

    /// <summary>Candidate text is data: no link, emphasis, HTML or structure (see <see cref="ReportText.InertMarkdown"/>).</summary>
    private static string Escape(string text) => ReportText.InertMarkdown(text);
}
