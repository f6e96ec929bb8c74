namespace ScreeningBot.Dialogs.Scoring;

/// <summary>The integrity flags of a scorecard as one line, for cards and chat messages.</summary>
public static class ScorecardIntegrity
{
    /// <summary>
    /// "3 answers flagged: text addressed to the grader or hiring team (challenging-api); the same answer as another
    /// question (caching-invalidation.f1, caching-invalidation.f2)", or null when nothing was flagged.
    /// </summary>
    public static string? IntegrityLine(this Scorecard scorecard)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        if (scorecard.Integrity.Count == 0)
        {
            return null;
        }

        var answers = scorecard.Integrity.Select(f => f.QuestionId).Distinct(StringComparer.Ordinal).Count();
        var kinds = scorecard.Integrity
            .GroupBy(f => f.Code, StringComparer.Ordinal)
            .Select(g => $"{IntegrityFlag.KindOf(g.Key)} ({string.Join(", ", g.Select(f => f.QuestionId).Distinct(StringComparer.Ordinal).Take(3))}{(g.Select(f => f.QuestionId).Distinct(StringComparer.Ordinal).Count() > 3 ? ", …" : string.Empty)})");
        return $"{answers} {(answers == 1 ? "answer" : "answers")} flagged, flagged parts not scored: {string.Join("; ", kinds)}";
    }
}
