using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Cheap cues in an answer that tell the follow-up planner a generic probe is already answered (issue 22: an answer
/// that gave its numbers is not asked "which numbers?"). English cues only; in other languages nothing is found and the
/// planner behaves as before.
/// </summary>
internal static partial class AnswerCues
{
    /// <summary>How many figures the answer gives: 120 ms, 2,000, 99.9%, 3x.</summary>
    public static int Numbers(string answer) => Figure().Count(answer);

    /// <summary>Whether the answer weighs options: "instead of", "at the cost of", "trade-off", "gave up".</summary>
    public static bool NamesTradeoff(string answer) => Tradeoff().IsMatch(answer);

    /// <summary>Whether the answer says at least twice what the candidate did themselves ("I added", "I led").</summary>
    public static bool SpeaksForThemselves(string answer) => OwnAction().Count(answer) >= 2;

    [GeneratedRegex(@"(?<![\w.])\d[\d,.]*\s*(%|x\b|ms\b|s\b|k\b|m\b|gb\b|mb\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout.Infinite)]
    private static partial Regex Figure();

    [GeneratedRegex(@"\b(trade-?offs?|instead of|rather than|at the (cost|expense) of|in exchange for|gave up|give up|giving up|downside|worth it|the cost was|cost us)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, Timeout.Infinite)]
    private static partial Regex Tradeoff();

    [GeneratedRegex(@"\bI\s+(personally\s+)?(\w+ed|wrote|built|led|ran|made|chose|found|drove|took|set|put|cut|rewrote|owned|introduced|proposed)\b", RegexOptions.CultureInvariant, Timeout.Infinite)]
    private static partial Regex OwnAction();
}
