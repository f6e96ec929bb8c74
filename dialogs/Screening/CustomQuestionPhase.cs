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

    public static IEnumerable<PlanItem> Create(Profile profile, IReadOnlyList<JudgedQuestion> judged, PhaseKit kit, CandidateLanguage language)
    {
        var questions = judged.Where(q => q.Kind == QuestionKind.Custom).ToArray();
        var count = questions.Length;
        for (var i = 0; i < count; i++)
        {
            var question = questions[i];
            var index = i + 1;
            yield return new PlanItem(
                question.Id,
                Phase.CustomQuestions,
                [
                    (step, _) =>
                    {
                        if (InterviewClock.IsUp(profile, step.Record))
                        {
                            kit.LeaveOutForTime(step, profile, language.Texts, [question.Id]);
                            return ValueTask.FromResult(StepResult.EndDialog);
                        }

                        if (index == 1)
                        {
                            step.Say(language.Texts.CustomIntro(count));
                        }

                        return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(question.Id, language.Texts.CustomQuestion(index, count, question.Text))));
                    },
                    async (step, cancellationToken) =>
                    {
                        var answer = PhaseKit.RequireAnswer(step);
                        var time = step.Position.WorkingAnswerTime + (step.AnswerLatency ?? TimeSpan.Zero);
                        var working = step.Position.WorkingAnswer;
                        if (answer.Skipped && working is null)
                        {
                            step.Record = PhaseKit.Record(step, question.Id, QuestionKind.Custom, PhaseKit.Skipped(question), 0, time, skipped: true);
                            return StepResult.EndDialog;
                        }

                        // The judge scores what the candidate could have typed and did not repeat; the flags say what was left out.
                        var turn = answer.Skipped ? null : PhaseKit.ScreenTurn(step, question.Id, answer);
                        var combined = turn is null ? working! : working is null ? turn.Genuine : $"{working}\n\n{turn.Genuine}";
                        IReadOnlyList<RedFlag> flags = [.. step.Position.WorkingFlags, .. turn?.Flags ?? []];
                        IReadOnlyList<long> fingerprints = [.. step.Position.WorkingFingerprints, .. turn?.Fingerprints ?? []];
                        var judgment = PhaseKit.WithFlags(await kit.JudgeAsync(step, profile, question, QuestionKind.Custom, combined, turn, cancellationToken), flags);
                        var decision = answer.Skipped || kit.FollowUpsGiveWay(step, profile, question.Id)
                            ? FollowUpDecision.None
                            : FollowUpPlanner.Plan(question.Custom!, judgment, step.Position.FollowUpsAsked, profile.MaxAdaptiveFollowUps, step.Position.ProbedFocus, profile.BannedTopics, language, combined);
                        if (decision.ShouldAsk)
                        {
                            step.Position = step.Position with
                            {
                                WorkingAnswer = combined,
                                WorkingAnswerTime = time,
                                WorkingInputTokens = step.Position.WorkingInputTokens + judgment.InputTokens,
                                WorkingOutputTokens = step.Position.WorkingOutputTokens + judgment.OutputTokens,
                                FollowUpsAsked = step.Position.FollowUpsAsked + 1,
                                ProbedFocus = [.. step.Position.ProbedFocus, decision.Focus!],
                                WorkingFlags = flags,
                                WorkingFingerprints = fingerprints,
                            };
                            return StepResult.Wait(PhaseKit.TextPrompt(question.Id, decision.Text!), resumeAt: JudgeStep);
                        }

                        step.Record = PhaseKit.Record(step, question.Id, QuestionKind.Custom, judgment, combined.Length, time, skipped: false, step.Position.FollowUpsAsked, fingerprints);
                        return StepResult.EndDialog;
                    },
                ]);
        }
    }
}
