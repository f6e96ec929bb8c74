using System.Globalization;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Optional: switch language for a few open questions; the level is estimated at scoring time.</summary>
internal static class LanguagePhase
{
    /// <summary>Question id of the n-th (1-based) language question.</summary>
    public static string QuestionId(int number) => $"language-{number.ToString(CultureInfo.InvariantCulture)}";

    public static IEnumerable<PlanItem> Create(Profile profile, IReadOnlyList<JudgedQuestion> judged, PhaseKit kit)
    {
        if (profile.LanguageAssessment is not { } assessment)
        {
            yield break;
        }

        var languageName = LanguageName(assessment.Language);
        var questions = judged.Where(q => q.Kind == QuestionKind.Language).ToArray();
        for (var i = 0; i < questions.Length; i++)
        {
            var question = questions[i];
            var first = i == 0;
            yield return new PlanItem(
                question.Id,
                Phase.LanguageAssessment,
                [
                    (step, _) =>
                    {
                        if (first)
                        {
                            var sameLanguage = string.Equals(assessment.Language, profile.Language, StringComparison.OrdinalIgnoreCase);
                            step.Say(sameLanguage
                                ? ScreeningText.LanguageCheckIntro(languageName, assessment.Questions.Count)
                                : ScreeningText.LanguageIntro(languageName, assessment.Questions.Count));
                        }

                        return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(question.Id, question.Text)));
                    },
                    async (step, cancellationToken) =>
                    {
                        var answer = PhaseKit.RequireAnswer(step);
                        var judgment = answer.Skipped
                            ? PhaseKit.Skipped(question)
                            : await kit.JudgeAsync(step, profile, question, QuestionKind.Language, answer.Text, cancellationToken);
                        step.Record = PhaseKit.Record(step, question.Id, QuestionKind.Language, judgment, answer.Skipped ? 0 : answer.Text.Length, step.AnswerLatency ?? TimeSpan.Zero, answer.Skipped);
                        return StepResult.EndDialog;
                    },
                ]);
        }
    }

    /// <summary>"German" for <c>de</c>; the tag itself when the runtime has no name for it.</summary>
    public static string LanguageName(string tag)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo(tag, predefinedOnly: false).EnglishName;
            return name.StartsWith("Unknown", StringComparison.OrdinalIgnoreCase) || name.Equals(tag, StringComparison.OrdinalIgnoreCase) ? KnownNames(tag) : name;
        }
        catch (CultureNotFoundException)
        {
            return KnownNames(tag);
        }
    }

    // InvariantGlobalization leaves culture names empty, so the common screening languages are named here.
    private static string KnownNames(string tag) => tag.ToLowerInvariant() switch
    {
        "en" => "English",
        "de" => "German",
        "fr" => "French",
        "es" => "Spanish",
        "it" => "Italian",
        "nl" => "Dutch",
        "pt" => "Portuguese",
        "pl" => "Polish",
        "sv" => "Swedish",
        _ => tag,
    };
}
