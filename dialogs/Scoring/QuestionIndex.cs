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

/// <summary>The judged questions of a profile (<see cref="JudgedQuestions"/>, the one list of them) by id, for looking answers up.</summary>
internal static class QuestionIndex
{
    public static Dictionary<string, QuestionInfo> For(Profile profile)
    {
        var index = new Dictionary<string, QuestionInfo>(StringComparer.Ordinal);
        foreach (var question in JudgedQuestions.Of(profile))
        {
            index[question.Id] = new QuestionInfo(question.Id, question.Kind, question.Text, question.Skills, question.Dimensions) { Source = question.Source };
        }

        return index;
    }
}
