using System.Globalization;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The level of a competency from its evidence: the answers whose sentences show the behaviour (see
/// <c>ScorecardBuilder.Competency</c>), each with the depth (0–5) the judge gave that answer. Answers to one question and its
/// follow-ups count as one question. With d1 the deepest evidencing answer and d2 the deepest one to another question:
/// <list type="bullet">
/// <item>Expert: d1 ≥ 4.0 and d2 ≥ 3.5 (detailed, and again elsewhere);</item>
/// <item>Advanced: d1 ≥ 3.5, or d1 ≥ 2.5 and d2 ≥ 2.5 (one detailed answer, or examples in two questions);</item>
/// <item>Intermediate: d1 ≥ 2.5 (a concrete example);</item>
/// <item>Basic: shown only in answers below 2.5 (mentioned, no worked example);</item>
/// <item>Not evidenced: no answer shows it.</item>
/// </list>
/// </summary>
public static class CompetencyLevels
{
    public const double ExpertDepth = 4.0;
    public const double DetailedDepth = 3.5;
    public const double ExampleDepth = 2.5;

    /// <summary>One line for readers of a scorecard: what the levels mean.</summary>
    public const string Legend =
        "Levels come from the answers that show each behaviour: Basic, mentioned without an example; Intermediate, a concrete example; "
        + "Advanced, a detailed example or examples in two questions; Expert, detailed examples in two questions.";

    /// <param name="evidence">(question id, judged depth) of every answer that shows the behaviour.</param>
    public static CompetencyLevel Of(IEnumerable<(string QuestionId, double Depth)> evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var perQuestion = evidence
            .GroupBy(e => ItemOf(e.QuestionId), StringComparer.Ordinal)
            .Select(g => g.Max(e => e.Depth))
            .OrderDescending()
            .ToArray();
        if (perQuestion.Length == 0)
        {
            return CompetencyLevel.NotEvidenced;
        }

        var d1 = perQuestion[0];
        var d2 = perQuestion.Length > 1 ? perQuestion[1] : 0;
        return d1 >= ExpertDepth && d2 >= DetailedDepth ? CompetencyLevel.Expert
            : d1 >= DetailedDepth || (d1 >= ExampleDepth && d2 >= ExampleDepth) ? CompetencyLevel.Advanced
            : d1 >= ExampleDepth ? CompetencyLevel.Intermediate
            : CompetencyLevel.Basic;
    }

    /// <summary>"Advanced", "Not evidenced".</summary>
    public static string ToDisplay(this CompetencyLevel level) => level switch
    {
        CompetencyLevel.Basic => "Basic",
        CompetencyLevel.Intermediate => "Intermediate",
        CompetencyLevel.Advanced => "Advanced",
        CompetencyLevel.Expert => "Expert",
        _ => "Not evidenced",
    };

    /// <summary>The question a follow-up belongs to: <c>caching.f2</c> → <c>caching</c>.</summary>
    internal static string ItemOf(string questionId)
    {
        var dot = questionId.LastIndexOf(".f", StringComparison.Ordinal);
        return dot > 0 && int.TryParse(questionId.AsSpan(dot + 2), NumberStyles.None, CultureInfo.InvariantCulture, out _) ? questionId[..dot] : questionId;
    }
}
