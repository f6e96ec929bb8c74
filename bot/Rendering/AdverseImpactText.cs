using System.Globalization;
using System.Text;
using Humanizer;
using ScreeningBot.Dialogs.Compliance;

namespace ScreeningBot.Bot.Rendering;

/// <summary>
/// The adverse-impact report as text: the chat answer to <c>impact</c> (Slack-style <c>*bold*</c> and bullets, which the
/// channels render) and, with <c>markup: false</c>, the <c>adverse-impact</c> command-line verb's output. Counts only.
/// </summary>
internal static class AdverseImpactText
{
    public static string Render(AdverseImpactReport report, bool markup = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        string B(string text) => markup ? $"*{text}*" : text;
        var bullet = markup ? "• " : "  - ";
        var text = new StringBuilder();
        var last = report.To.AddDays(-1);
        text.Append(B("Adverse-impact report")).Append(" · ").Append(report.ProfileId ?? "all profiles").Append(" · interviews from ")
            .Append(Day(report.From)).Append(" to ").Append(Day(last)).AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"{"screened candidate".ToQuantity(report.Candidates)} with a self-identification record and a scorecard");
        text.AppendLine(report.NotYetScored > 0 ? $"; {report.NotYetScored} not scored yet (left out)." : ".");
        text.AppendLine(CultureInfo.InvariantCulture, $"Groups with fewer than {report.MinimumGroupSize} candidates are counted but not judged. Impact ratio = a group's selection rate / the highest group's; below {AdverseImpact.FourFifths.ToString("0.00", CultureInfo.InvariantCulture)} (the four-fifths rule) is flagged.");

        Measure(text, report.Recommended, report.MinimumGroupSize, B, bullet);
        text.AppendLine();
        if (report.Advanced is { } advanced)
        {
            Measure(text, advanced, report.MinimumGroupSize, B, bullet);
        }
        else
        {
            text.Append(B("Selected = advanced by a person")).AppendLine(": no decisions are recorded yet (the bot does not capture people's advance/reject decisions yet), so this part is empty.");
        }

        var flags = Flags(report.Recommended).Concat(report.Advanced is { } a ? Flags(a) : []).ToArray();
        text.AppendLine();
        text.Append(B("Flags")).Append(": ").AppendLine(flags.Length == 0 ? "none below four fifths among the groups large enough to judge." : string.Join("; ", flags) + ".");
        text.Append("A screening aid, not a bias audit: NYC Local Law 144 requires an independent auditor's audit, published before use.");
        return text.ToString();
    }

    private static void Measure(StringBuilder text, ImpactMeasure measure, int minimum, Func<string, string> bold, string bullet)
    {
        text.AppendLine();
        text.Append(bold($"Selected = {measure.Selection}")).AppendLine(CultureInfo.InvariantCulture, $" ({"candidate".ToQuantity(measure.Candidates)})");
        foreach (var table in measure.Tables)
        {
            text.Append(table.Dimension);
            text.AppendLine(table.Unknown > 0 ? $" ({table.Unknown} not reported or preferred not to say)" : string.Empty);
            if (table.Groups.Count == 0)
            {
                text.Append(bullet).AppendLine("nobody reported a category");
                continue;
            }

            foreach (var group in table.Groups)
            {
                text.Append(bullet).Append(group.Group).Append(": ");
                if (group.Suppressed)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"fewer than {minimum}, not judged");
                    continue;
                }

                text.Append(CultureInfo.InvariantCulture, $"{group.Count} candidates, {group.Selected} selected, rate {Rate(group.SelectionRate)}, impact ratio {Rate(group.ImpactRatio)}");
                if (group.Group == table.HighestGroup)
                {
                    text.Append(" (highest)");
                }

                text.AppendLine(group.BelowFourFifths ? " ⚠ below four fifths" : string.Empty);
            }
        }
    }

    private static IEnumerable<string> Flags(ImpactMeasure measure) =>
        measure.Tables.SelectMany(t => t.Groups.Where(g => g.BelowFourFifths).Select(g => $"{g.Group} ({t.Dimension.ToLowerInvariant()}, {measure.Selection}): {Rate(g.ImpactRatio)}"));

    private static string Rate(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
