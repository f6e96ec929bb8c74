using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>Every judged question of a profile with the skills and dimensions it feeds (follow-ups inherit their blueprint's).</summary>
internal sealed record QuestionInfo(string Id, QuestionKind Kind, string Text, IReadOnlyList<string> Skills, IReadOnlyList<string> Dimensions)
{
    /// <summary>The question as the profile defines it (areas, signals, reference answer); null for language questions.</summary>
    public IJudgedQuestion? Source { get; init; }
}

internal static class QuestionIndex
{
    public static Dictionary<string, QuestionInfo> For(Profile profile)
    {
        var index = new Dictionary<string, QuestionInfo>(StringComparer.Ordinal);
        foreach (var q in profile.CustomQuestions)
        {
            index[q.Id] = new QuestionInfo(q.Id, QuestionKind.Custom, q.Text, q.Skills, q.Dimensions) { Source = q };
        }

        foreach (var b in profile.Blueprints)
        {
            index[b.Id] = new QuestionInfo(b.Id, QuestionKind.Blueprint, b.Text, b.Skills, b.Dimensions) { Source = b };
            foreach (var f in b.FollowUps)
            {
                index[f.Id] = new QuestionInfo(f.Id, QuestionKind.BlueprintFollowUp, f.Text, b.Skills, b.Dimensions) { Source = f };
            }
        }

        if (profile.LanguageAssessment is { } language)
        {
            for (var i = 0; i < language.Questions.Count; i++)
            {
                var id = LanguagePhase.QuestionId(i + 1);
                index[id] = new QuestionInfo(id, QuestionKind.Language, language.Questions[i], [], []);
            }
        }

        return index;
    }
}
