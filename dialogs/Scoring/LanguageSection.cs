using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Language;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The language part of the scorecard: the offline estimate of the language answers (and, apart, of the rest of the
/// interview when it was in the same language), and the LLM judge's CEFR ratings when it gave them. The LLM's level is
/// shown when it rated the answers, unless the offline checks found them empty, copied, gibberish or word salad: the
/// LLM never turns an answer that is not the candidate's own sentences into a level.
/// </summary>
internal static class LanguageSection
{
    public static LanguageResult? Build(Profile profile, IReadOnlyDictionary<string, AnswerRecord> answers, IReadOnlyDictionary<string, string> texts)
    {
        if (profile.LanguageAssessment is not { } assessment)
        {
            return null;
        }

        var ids = Enumerable.Range(1, assessment.Questions.Count).Select(LanguagePhase.QuestionId).ToArray();
        if (!ids.Any(answers.ContainsKey))
        {
            return null;
        }

        var questions = QuestionIndex.For(profile);
        var languagePart = ids.Where(texts.ContainsKey).Select(id => new WrittenAnswer(texts[id], questions.GetValueOrDefault(id)?.Text)).ToArray();
        var english = IsEnglish(assessment.Language);
        var offline = english
            ? WrittenLanguageAssessor.Assess(languagePart)
            : new WrittenLanguageLevel
            {
                Verdict = LanguageVerdict.NotAssessable,
                Notes = [$"the offline estimate reads English only; configure the LLM judge (Judge:Provider) to rate {LanguagePhase.LanguageName(assessment.Language)}"],
            };
        var rest = english && IsEnglish(profile.Language)
            ? WrittenLanguageAssessor.Assess(texts
                .Where(t => questions.TryGetValue(t.Key, out var q) && q.Kind != QuestionKind.Language)
                .OrderBy(t => t.Key, StringComparer.Ordinal)
                .Select(t => new WrittenAnswer(t.Value, questions[t.Key].Text)))
            : null;

        var language = LanguagePhase.LanguageName(assessment.Language);
        var target = assessment.TargetLevel.ToString();
        var llm = LlmLevel(ids, answers);
        var offlineRefused = english && offline.Verdict != LanguageVerdict.Assessed;
        if (llm is { } rated && !offlineRefused)
        {
            return new LanguageResult(language, target, rated.Level.ToString(), rated.Level >= assessment.TargetLevel)
            {
                Source = LanguageEstimateSource.Llm,
                Assessed = true,
                Confidence = rated.Confidence,
                Offline = offline,
                RestOfInterview = rest,
            };
        }

        return new LanguageResult(language, target, offline.Label, offline.Level is { } level && level >= assessment.TargetLevel)
        {
            Source = LanguageEstimateSource.Offline,
            Assessed = offline.Verdict == LanguageVerdict.Assessed,
            Confidence = offline.Confidence,
            Offline = offline,
            RestOfInterview = rest,
        };
    }

    /// <summary>
    /// The LLM judge's level over the language answers it rated: their levels weighted by answer length, rounded; the
    /// confidence grows with the answers rated (an LLM reads meaning, so a little more than the offline estimate's).
    /// </summary>
    private static (CefrLevel Level, double Confidence)? LlmLevel(string[] ids, IReadOnlyDictionary<string, AnswerRecord> answers)
    {
        var rated = ids
            .Select(id => answers.GetValueOrDefault(id))
            .Where(a => a is { Skipped: false, Judgment: { JudgedBy: JudgeKind.Llm, LanguageLevel: not null } })
            .Select(a => (Level: (int)a!.Judgment.LanguageLevel!.Value, Weight: Math.Max(1, a.AnswerLength)))
            .ToArray();
        if (rated.Length == 0)
        {
            return null;
        }

        var mean = (double)rated.Sum(r => r.Level * r.Weight) / rated.Sum(r => r.Weight);
        var level = (CefrLevel)Math.Clamp((int)Math.Round(mean, MidpointRounding.AwayFromZero), 0, 5);
        var characters = rated.Sum(r => r.Weight);
        return (level, Math.Round(Math.Clamp(0.9 * (1 - Math.Exp(-characters / 600.0)), 0.05, 0.9), 2));
    }

    private static bool IsEnglish(string tag) =>
        tag.Equals("en", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("en-", StringComparison.OrdinalIgnoreCase);
}
