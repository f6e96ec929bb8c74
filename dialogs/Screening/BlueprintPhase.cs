using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One item per blueprint: the deep-dive question, then its pre-written follow-ups F1…Fn, always all of
/// them and always in the same order, so every candidate is compared on the same ground; a pressure test among them is
/// announced as a change of scenario. Each answer is judged against its own reference answer and knowledge areas.
/// A candidate who skips the deep-dive question skips its follow-ups too: they build on an answer that was never given.
/// When the planned time is used (<see cref="InterviewClock"/>), a deep-dive not yet begun and the rest of the current one's
/// follow-ups are left out.
/// </summary>
internal static class BlueprintPhase
{
    public static IEnumerable<PlanItem> Create(Profile profile, IReadOnlyList<JudgedQuestion> judged, PhaseKit kit, CandidateTexts texts)
    {
        var blueprints = judged.Where(q => q.Kind == QuestionKind.Blueprint).ToArray();
        var count = blueprints.Length;
        for (var i = 0; i < count; i++)
        {
            var blueprint = blueprints[i];
            var followUps = judged.Where(q => q.Kind == QuestionKind.BlueprintFollowUp && q.BlueprintId == blueprint.Id).ToArray();
            var index = i + 1;
            var steps = new List<WaterfallStep>
            {
                (step, _) =>
                {
                    if (InterviewClock.IsUp(profile, step.Record))
                    {
                        kit.LeaveOutForTime(step, profile, texts, [blueprint.Id, .. followUps.Select(f => f.Id)]);
                        return ValueTask.FromResult(StepResult.EndDialog);
                    }

                    if (index == 1)
                    {
                        step.Say(texts.BlueprintIntro);
                    }

                    return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(blueprint.Id, texts.BlueprintQuestion(index, count, blueprint.Text))));
                },
            };

            // Step k judges the previous answer (the main question for k = 1, else F(k-1)) and asks F(k).
            var previous = blueprint;
            for (var f = 0; f <= followUps.Length; f++)
            {
                var answered = previous;
                var next = f < followUps.Length ? followUps[f] : null;
                var followUpNumber = f + 1;
                steps.Add(async (step, cancellationToken) =>
                {
                    var answer = PhaseKit.RequireAnswer(step);
                    var time = step.AnswerLatency ?? TimeSpan.Zero;
                    var turn = answer.Skipped ? null : PhaseKit.ScreenTurn(step, answered.Id, answer);
                    var judgment = turn is null
                        ? PhaseKit.Skipped(answered)
                        : PhaseKit.WithFlags(await kit.JudgeAsync(step, profile, answered, answered.Kind, turn.Genuine, turn, cancellationToken), turn.Flags);
                    step.Record = PhaseKit.Record(step, answered.Id, answered.Kind, judgment, answer.Skipped ? 0 : answer.Text.Length, time, answer.Skipped, fingerprints: turn?.Fingerprints);
                    if (answer.Skipped && answered.Kind == QuestionKind.Blueprint)
                    {
                        foreach (var followUp in followUps)
                        {
                            step.Record = PhaseKit.Record(step, followUp.Id, QuestionKind.BlueprintFollowUp, PhaseKit.Skipped(followUp), 0, TimeSpan.Zero, skipped: true);
                        }

                        return StepResult.EndDialog;
                    }

                    if (next is not null && InterviewClock.IsUp(profile, step.Record))
                    {
                        kit.LeaveOutForTime(step, profile, texts, followUps.Skip(followUpNumber - 1).Select(q => q.Id));
                        return StepResult.EndDialog;
                    }

                    return next is null
                        ? StepResult.EndDialog
                        : StepResult.Wait(PhaseKit.TextPrompt(next.Id, next.Source is BlueprintFollowUp { Kind: FollowUpKind.PressureTest }
                            ? texts.BlueprintPressureTest(followUpNumber, followUps.Length, next.Text)
                            : texts.BlueprintFollowUp(followUpNumber, followUps.Length, next.Text)));
                });
                previous = next ?? previous;
            }

            yield return new PlanItem(blueprint.Id, Phase.Blueprints, steps);
        }
    }
}
