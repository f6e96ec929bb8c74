using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The questions an interview on a profile judges, in the order they are asked: the custom questions, each blueprint
/// followed by its follow-ups, the language questions. The one list of them: the phase builders ask and judge from it,
/// <see cref="InterviewPlan.JudgedQuestionCount"/> counts it, and scoring looks answers up in it (<see cref="Scoring.QuestionIndex"/>).
/// </summary>
internal static class JudgedQuestions
{
    public static IReadOnlyList<JudgedQuestion> Of(Profile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var questions = new List<JudgedQuestion>();
        foreach (var q in profile.CustomQuestions)
        {
            questions.Add(From(q, QuestionKind.Custom, q.Skills, q.Dimensions) with { Custom = q });
        }

        foreach (var b in profile.Blueprints)
        {
            questions.Add(From(b, QuestionKind.Blueprint, b.Skills, b.Dimensions));
            foreach (var f in b.FollowUps)
            {
                // A follow-up feeds its blueprint's skills and dimensions.
                questions.Add(From(f, QuestionKind.BlueprintFollowUp, b.Skills, b.Dimensions) with { BlueprintId = b.Id });
            }
        }

        if (profile.LanguageAssessment is { } language)
        {
            for (var i = 0; i < language.Questions.Count; i++)
            {
                questions.Add(new JudgedQuestion { Id = LanguagePhase.QuestionId(i + 1), Kind = QuestionKind.Language, Text = language.Questions[i] });
            }
        }

        return questions;
    }

    private static JudgedQuestion From(IJudgedQuestion source, QuestionKind kind, IReadOnlyList<string> skills, IReadOnlyList<string> dimensions) => new()
    {
        Id = source.Id,
        Kind = kind,
        Text = source.Text,
        KnowledgeAreas = source.KnowledgeAreas,
        AreaSignals = source.AreaSignals,
        RedFlags = source.RedFlags,
        ReferenceAnswer = source.ReferenceAnswer,
        Skills = skills,
        Dimensions = dimensions,
        Source = source,
    };
}
