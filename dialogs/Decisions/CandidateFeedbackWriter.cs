using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Decisions;

/// <summary>
/// The short, kind message a candidate may get after a recruiter decides: the outcome in neutral words and, when the
/// profile enables it (<c>candidateFeedback: true</c>), up to three strengths and two areas to develop, named by the skills
/// the evidence showed. Never a score, a recommendation, a rubric label or a word about other candidates; a recruiter
/// reads it and confirms before it is sent (bot/Decisions/DecisionService.cs).
/// </summary>
public static class CandidateFeedbackWriter
{
    /// <summary>Most strengths named.</summary>
    public const int MaxStrengths = 3;

    /// <summary>Most areas to develop named.</summary>
    public const int MaxAreas = 2;

    // On the scorecard's 0-10 skill scale: 7 and up is clearly shown; above 0 (something was said) and up to 4 is thin.
    private const double StrengthFrom = 7;
    private const double AreaUpTo = 4;

    /// <summary>The message for <paramref name="firstName"/> about the <paramref name="roleTitle"/> screen.</summary>
    /// <param name="bannedTopics">The profile's banned topics: a skill whose name touches one is never named.</param>
    public static string Compose(string firstName, string roleTitle, HiringDecision decision, Scorecard? scorecard, bool withEvidence, IReadOnlyList<string>? bannedTopics = null)
    {
        ArgumentNullException.ThrowIfNull(roleTitle);
        bannedTopics ??= [];
        var greeting = string.IsNullOrWhiteSpace(firstName) ? "Hello," : $"Hello {firstName.Trim()},";
        var outcome = decision switch
        {
            HiringDecision.Advance => $"thank you for completing the screening chat for the {roleTitle} role. The team would like to move your application to the next stage, and someone will be in touch soon about what comes next.",
            HiringDecision.Reject => $"thank you for the time you gave to the screening chat for the {roleTitle} role. After reviewing it, the team has decided not to take your application further this time.",
            _ => $"thank you for completing the screening chat for the {roleTitle} role. The team is still reviewing applications and will be in touch once they have decided.",
        };
        var lines = new List<string> { $"{greeting} {outcome}" };
        if (withEvidence && scorecard is not null)
        {
            var skills = scorecard.RequiredSkills.Concat(scorecard.PreferredSkills)
                .Where(s => !string.IsNullOrWhiteSpace(s.Name) && !FollowUpPlanner.TouchesBannedTopic(s.Name, bannedTopics))
                .GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => (Name: g.Key, Score: g.Max(s => s.Score)))
                .ToList();
            var strengths = skills.Where(s => s.Score >= StrengthFrom).OrderByDescending(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(MaxStrengths).Select(s => s.Name).ToList();
            var areas = skills.Where(s => s.Score > 0 && s.Score <= AreaUpTo).OrderBy(s => s.Score).ThenBy(s => s.Name, StringComparer.Ordinal).Take(MaxAreas).Select(s => s.Name).ToList();
            if (strengths.Count > 0)
            {
                lines.Add($"What came across well in your answers: {Join(strengths)}.");
            }

            if (areas.Count > 0)
            {
                lines.Add($"Where more depth would help you in conversations like this: {Join(areas)}.");
            }
        }

        lines.Add(decision == HiringDecision.Reject ? "We wish you every success in your search." : "Thank you again for your time.");
        return string.Join("\n\n", lines);
    }

    private static string Join(List<string> names) =>
        names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
}
