using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The candidate's sentences that evidence a skill, best first: a sentence naming more of the skill's signals (or its
/// name) is more specific evidence for that skill than the judge's quote of the whole answer, which was chosen for the
/// question, not the skill. Ties go to the deeper answer, then to the earlier sentence.
/// </summary>
internal static class SkillSentences
{
    /// <param name="answers">The answers to read, deepest first: (question id, the genuine part of its text).</param>
    public static IEnumerable<(string QuestionId, string? Quote)> Ranked(Skill skill, IEnumerable<(string QuestionId, string Text)> answers)
    {
        ArgumentNullException.ThrowIfNull(skill);
        ArgumentNullException.ThrowIfNull(answers);
        string[] terms = [skill.Name, .. skill.Signals];
        return answers
            .SelectMany((a, rank) => ScorecardBuilder.Sentences(a.Text).Select((sentence, position) => (a.QuestionId, Sentence: sentence, Rank: rank, Position: position)))
            .Select(s => (s.QuestionId, s.Sentence, s.Rank, s.Position, Matches: Matches(s.Sentence, terms)))
            .Where(s => s.Matches > 0)
            .OrderByDescending(s => s.Matches)
            .ThenBy(s => s.Rank)
            .ThenBy(s => s.Position)
            .Select(s => (s.QuestionId, (string?)s.Sentence));
    }

    /// <summary>How many of the skill's terms a sentence names (a term inside a longer one it also names counts once).</summary>
    internal static int Matches(string sentence, IReadOnlyList<string> terms)
    {
        var found = terms.Where(t => ScorecardBuilder.ContainsPhrase(sentence, t)).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        return found.Count(t => !found.Any(o => o.Length > t.Length && ScorecardBuilder.ContainsPhrase(o, t)));
    }
}
