using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One item per blueprint: the deep-dive question, then its pre-written follow-ups F1…Fn, always all of
/// them and always in the same order, so every candidate is compared on the same ground. Each answer is
/// judged against its own reference answer and knowledge areas.
/// </summary>
internal static class BlueprintPhase
{
    public static IEnumerable<WaterfallDialog> Create(Profile profile, PhaseKit kit, CandidateTexts texts)
    {
        var count = profile.Blueprints.Count;
        for (var i = 0; i < count; i++)
        {
            var blueprint = profile.Blueprints[i];
            var index = i + 1;
            var steps = new List<WaterfallStep>
            {
                (step, _) =>
                {
                    if (index == 1)
                    {
                        step.Say(texts.BlueprintIntro);
                    }

                    return ValueTask.FromResult(StepResult.Wait(PhaseKit.TextPrompt(blueprint.Id, texts.BlueprintQuestion(index, count, blueprint.Text))));
                },
            };

            // Step k judges the previous answer (the main question for k = 1, else F(k-1)) and asks F(k).
            IJudgedQuestion previous = blueprint;
            var previousKind = QuestionKind.Blueprint;
            for (var f = 0; f <= blueprint.FollowUps.Count; f++)
            {
                var answered = previous;
                var answeredKind = previousKind;
                var next = f < blueprint.FollowUps.Count ? blueprint.FollowUps[f] : null;
                var followUpNumber = f + 1;
                steps.Add(async (step, cancellationToken) =>
                {
                    var answer = PhaseKit.RequireAnswer(step);
                    var time = step.AnswerLatency ?? TimeSpan.Zero;
                    var turn = answer.Skipped ? null : PhaseKit.ScreenTurn(step, answered.Id, answer);
                    var judgment = turn is null
                        ? PhaseKit.Skipped(answered)
                        : PhaseKit.WithFlags(await kit.JudgeAsync(step, profile, answered, answeredKind, turn.Genuine, cancellationToken), turn.Flags);
                    step.State = PhaseKit.Record(step, answered.Id, answeredKind, judgment, answer.Skipped ? 0 : answer.Text.Length, time, answer.Skipped, fingerprints: turn?.Fingerprints);
                    return next is null
                        ? StepResult.EndDialog
                        : StepResult.Wait(PhaseKit.TextPrompt(next.Id, texts.BlueprintFollowUp(followUpNumber, blueprint.FollowUps.Count, next.Text)));
                });
                if (next is not null)
                {
                    previous = next;
                    previousKind = QuestionKind.BlueprintFollowUp;
                }
            }

            yield return new WaterfallDialog(blueprint.Id, Phase.Blueprints, steps);
        }
    }
}
