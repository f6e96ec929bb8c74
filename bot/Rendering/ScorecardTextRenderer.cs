using System.Globalization;
using System.Text;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Rendering;

/// <summary>A compact plain-text scorecard for the terminal (rehearsal).</summary>
internal static class ScorecardTextRenderer
{
    public static string Render(Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        var text = new StringBuilder();
        var rule = new string('=', 64);
        text.AppendLine(rule);
        text.AppendLine(CultureInfo.InvariantCulture, $" SCORECARD  {scorecard.CandidateName}: {scorecard.ProfileTitle}");
        text.AppendLine(CultureInfo.InvariantCulture, $" {scorecard.Recommendation.ToDisplay().ToUpperInvariant()}  {scorecard.CompositeScore}/100   confidence {ReportText.Percent(scorecard.Confidence)}   answered {scorecard.CoveragePercent}%");
        text.AppendLine(rule);
        text.AppendLine(scorecard.Summary);
        if (scorecard.IntegrityLine() is { } integrity)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"INTEGRITY: {integrity}");
        }

        text.AppendLine();
        foreach (var k in scorecard.Knockouts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  knockout {(k.Passed ? "pass" : "FAIL")}  {ReportText.Trim(k.Question, 50)} -> {k.Answer}");
        }

        foreach (var d in scorecard.Dimensions)
        {
            var bar = new string('#', (int)Math.Round(d.Score)).PadRight(10, '.');
            text.AppendLine(CultureInfo.InvariantCulture, $"  {ReportText.Trim(d.Name, 28),-28} {d.Weight,3}%  {bar} {ReportText.Score(d.Score),4}");
        }

        if (scorecard.Language is { } language)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {language.Language}: {language.Headline} ({language.SourceLabel})");
        }

        foreach (var c in scorecard.Competencies)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {ReportText.Level(c),-14} {ReportText.Trim(c.Statement, 60)}");
        }

        Section(text, "Red flags", [.. scorecard.RedFlags.Select(f => ReportText.RedFlag(f, t => t))]);
        Section(text, "Strengths", scorecard.Strengths);
        Section(text, "Risks", scorecard.Risks);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Next step: {scorecard.SuggestedNextStep}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Judged by: {scorecard.JudgeDescription}");
        return text.ToString();
    }

    private static void Section(StringBuilder text, string heading, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine(heading + ":");
        foreach (var item in items)
        {
            text.AppendLine("  - " + item);
        }
    }
}
