using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// The shortlist's order: the recommendation first (a Strong Yes above a Yes whatever the scores), then the composite score,
/// then the confidence of the judgment (the better-evidenced of two equal scores first), then who finished first.
/// </summary>
internal static class Shortlisting
{
    public static IEnumerable<(Interview Interview, Scorecard Scorecard)> Rank(IEnumerable<(Interview Interview, Scorecard Scorecard)> scored)
    {
        ArgumentNullException.ThrowIfNull(scored);
        return scored
            .OrderByDescending(s => Strength(s.Scorecard.Recommendation))
            .ThenByDescending(s => s.Scorecard.CompositeScore)
            .ThenByDescending(s => s.Scorecard.Confidence)
            .ThenBy(s => s.Scorecard.CompletedAt);
    }

    private static int Strength(Recommendation recommendation) => recommendation switch
    {
        Recommendation.StrongYes => 3,
        Recommendation.Yes => 2,
        Recommendation.Maybe => 1,
        _ => 0,
    };
}
