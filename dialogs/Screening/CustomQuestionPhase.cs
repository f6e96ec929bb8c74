using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One item per custom question, asked in profile order. Each answer is judged; while the judgment says the
/// answer is vague and the template allows, an adaptive follow-up aimed at what was missing is asked, and the
/// answers so far are judged together again.
/// </summary>
internal static class CustomQuestionPhase
{
    private const int JudgeStep = 1;

    public static IEnumerable<WaterfallDialog> Create(Profile profile, PhaseKit kit, CandidateLanguage language)
    {
        var count = profile.CustomQuestions.Count;
        for (var i = 0; i < count; i++)
        {
            var question = profile.CustomQuestions[i];
            var index = i + 1;
            yield return new WaterfallDialog(
                question.Id,
                Phase.CustomQuestions,
                [
                    (step, _) =>
                    {
                        if (index == 1)
                        {
                            step.Say(language.Texts.CustomIntro(count));
                        }

                        return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(question.Id, language.Texts.CustomQuestion(index, count, question.Text))));
                    },
                    async (step, cancellationToken) =>
                    {
                        var answer = PhaseKit.RequireAnswer(step);
                        var time = step.State.WorkingAnswerTime + (step.AnswerLatency ?? TimeSpan.Zero);
                        var working = step.State.WorkingAnswer;
                        if (answer.Skipped && working is null)
                        {
                            step.State = PhaseKit.Record(step, question.Id, QuestionKind.Custom, PhaseKit.Skipped(question), 0, time, skipped: true);
                            return StepResult.EndDialog;
                        }

                        var combined = answer.Skipped ? working! : working is null ? answer.Text : $"{working}\n\n{answer.Text}";
                        var judgment = await kit.JudgeAsync(step, profile, question, QuestionKind.Custom, combined, cancellationToken);
                        var decision = answer.Skipped
                            ? FollowUpDecision.None
                            : FollowUpPlanner.Plan(question, judgment, step.State.FollowUpsAsked, profile.MaxAdaptiveFollowUps, step.State.ProbedFocus, profile.BannedTopics, language);
                        if (decision.ShouldAsk)
                        {
                            step.State = step.State with
                            {
                                WorkingAnswer = combined,
                                WorkingAnswerTime = time,
                                WorkingInputTokens = step.State.WorkingInputTokens + judgment.InputTokens,
                                WorkingOutputTokens = step.State.WorkingOutputTokens + judgment.OutputTokens,
                                FollowUpsAsked = step.State.FollowUpsAsked + 1,
                                ProbedFocus = [.. step.State.ProbedFocus, decision.Focus!],
                            };
                            return StepResult.Wait(PhaseKit.TextPrompt(question.Id, decision.Text!), resumeAt: JudgeStep);
                        }

                        step.State = PhaseKit.Record(step, question.Id, QuestionKind.Custom, judgment, combined.Length, time, skipped: false, step.State.FollowUpsAsked);
                        return StepResult.EndDialog;
                    },
                ]);
        }
    }
}
