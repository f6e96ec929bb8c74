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
            questions.Add(new JudgedQuestion
            {
                Id = q.Id,
                Kind = QuestionKind.Custom,
                Text = q.Text,
                KnowledgeAreas = q.KnowledgeAreas,
                AreaSignals = q.AreaSignals,
                ReferenceAnswer = q.ReferenceAnswer,
                Skills = q.Skills,
                Dimensions = q.Dimensions,
                Custom = q,
                Source = q,
            });
        }

        foreach (var b in profile.Blueprints)
        {
            questions.Add(new JudgedQuestion
            {
                Id = b.Id,
                Kind = QuestionKind.Blueprint,
                Text = b.Text,
                KnowledgeAreas = b.KnowledgeAreas,
                AreaSignals = b.AreaSignals,
                ReferenceAnswer = b.ReferenceAnswer,
                Skills = b.Skills,
                Dimensions = b.Dimensions,
                Source = b,
            });
            foreach (var f in b.FollowUps)
            {
                questions.Add(new JudgedQuestion
                {
                    Id = f.Id,
                    Kind = QuestionKind.BlueprintFollowUp,
                    Text = f.Text,
                    KnowledgeAreas = f.KnowledgeAreas,
                    AreaSignals = f.AreaSignals,
                    ReferenceAnswer = f.ReferenceAnswer,
                    Skills = b.Skills,
                    Dimensions = b.Dimensions,
                    BlueprintId = b.Id,
                    Source = f,
                });
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
}
