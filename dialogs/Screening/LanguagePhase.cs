using System.Globalization;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Optional: switch language for a few open questions; the level is estimated at scoring time. The intro is in the
/// interview's language; the bot's own messages during the questions are in the assessment's language when it has a
/// file (<see cref="InterviewPlan.LanguageAt"/>), and the closing is in the interview's language again.
/// </summary>
internal static class LanguagePhase
{
    /// <summary>Question id of the n-th (1-based) language question.</summary>
    public static string QuestionId(int number) => $"language-{number.ToString(CultureInfo.InvariantCulture)}";

    public static IEnumerable<PlanItem> Create(Profile profile, IReadOnlyList<JudgedQuestion> judged, PhaseKit kit, CandidateTexts texts)
    {
        if (profile.LanguageAssessment is not { } assessment)
        {
            yield break;
        }

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
                        if (InterviewClock.IsUp(profile, step.Record))
                        {
                            kit.LeaveOutForTime(step, profile, texts, [question.Id]);
                            return ValueTask.FromResult(StepResult.EndDialog);
                        }

                        if (first)
                        {
                            var sameLanguage = string.Equals(PrimarySubtag(assessment.Language), PrimarySubtag(profile.Language), StringComparison.OrdinalIgnoreCase);
                            // Said in the interview's language, so the candidate understands the switch before it happens.
                            step.Say(sameLanguage
                                ? texts.LanguageCheckIntro(assessment.Language, assessment.Questions.Count)
                                : texts.LanguageIntro(assessment.Language, assessment.Questions.Count));
                        }

                        return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(question.Id, question.Text)));
                    },
                    async (step, cancellationToken) =>
                    {
                        var answer = PhaseKit.RequireAnswer(step);
                        var judgment = answer.Skipped
                            ? PhaseKit.Skipped(question)
                            : await kit.JudgeAsync(step, profile, question, QuestionKind.Language, answer.Text, null, cancellationToken);
                        step.Record = PhaseKit.Record(step, question.Id, QuestionKind.Language, judgment, answer.Skipped ? 0 : answer.Text.Length, step.AnswerLatency ?? TimeSpan.Zero, answer.Skipped);
                        return StepResult.EndDialog;
                    },
                ]);
        }
    }

    /// <summary><c>en</c> for <c>en-GB</c>: an assessment in British English of an interview in <c>en</c> stays in the same language.</summary>
    private static string PrimarySubtag(string tag) => tag.Split('-', '_')[0];

    /// <summary>The English name of a language ("German" for <c>de</c>), for recruiter-facing text; the tag itself when unknown.</summary>
    public static string LanguageName(string tag) => CandidateLanguages.English.Texts.LanguageName(tag);
}
