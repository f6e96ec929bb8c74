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

                        // The judge scores what the candidate could have typed and did not repeat; the flags say what was left out.
                        var turn = answer.Skipped ? null : PhaseKit.ScreenTurn(step, question.Id, answer);
                        var combined = turn is null ? working! : working is null ? turn.Genuine : $"{working}\n\n{turn.Genuine}";
                        IReadOnlyList<RedFlag> flags = [.. step.State.WorkingFlags, .. turn?.Flags ?? []];
                        IReadOnlyList<long> fingerprints = [.. step.State.WorkingFingerprints, .. turn?.Fingerprints ?? []];
                        var judgment = PhaseKit.WithFlags(await kit.JudgeAsync(step, profile, question, QuestionKind.Custom, combined, cancellationToken), flags);
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
                                WorkingFlags = flags,
                                WorkingFingerprints = fingerprints,
                            };
                            return StepResult.Wait(PhaseKit.TextPrompt(question.Id, decision.Text!), resumeAt: JudgeStep);
                        }

                        step.State = PhaseKit.Record(step, question.Id, QuestionKind.Custom, judgment, combined.Length, time, skipped: false, step.State.FollowUpsAsked, fingerprints);
                        return StepResult.EndDialog;
                    },
                ]);
        }
    }
}
