using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>The judged questions of a profile (<see cref="JudgedQuestions"/>) by id, for looking answers up.</summary>
internal static class QuestionIndex
{
    public static Dictionary<string, JudgedQuestion> For(Profile profile)
    {
        var index = new Dictionary<string, JudgedQuestion>(StringComparer.Ordinal);
        foreach (var question in JudgedQuestions.Of(profile))
        {
            index[question.Id] = question;
        }

        return index;
    }
}
