using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One item per knockout: ask with a typed prompt, then apply the <c>failIf</c> rule. A failure ends the
/// screen politely without revealing the rule and forces recommendation No.
/// </summary>
internal static class KnockoutPhase
{
    public static IEnumerable<PlanItem> Create(Profile profile, CandidateTexts texts)
    {
        for (var i = 0; i < profile.Knockouts.Count; i++)
        {
            var knockout = profile.Knockouts[i];
            var first = i == 0;
            yield return new PlanItem(
                knockout.Id,
                Phase.Knockouts,
                [
                    (step, _) =>
                    {
                        if (first)
                        {
                            step.Say(texts.KnockoutIntro);
                        }

                        return ValueTask.FromResult(StepResult.Wait(ToPrompt(knockout, texts, DateOnly.FromDateTime(step.Now.UtcDateTime))));
                    },
                    (step, _) =>
                    {
                        var answer = PhaseKit.RequireAnswer(step);
                        var today = DateOnly.FromDateTime(step.Now.UtcDateTime);
                        var passed = !KnockoutRules.Fails(knockout.Rule, answer, today);
                        step.Record = step.Record with { Knockouts = [.. step.Record.Knockouts, new KnockoutResult(knockout.Id, answer.Normalized, passed)] };
                        if (!passed)
                        {
                            step.Say(texts.KnockedOut);
                            return ValueTask.FromResult(StepResult.EndInterview(InterviewStatus.KnockedOut));
                        }

                        return ValueTask.FromResult(StepResult.EndDialog);
                    },
                ]);
        }
    }

    private static PromptSpec ToPrompt(Knockout knockout, CandidateTexts texts, DateOnly today)
    {
        // A date question without its own hint gets examples computed from today, so they are never in the past.
        var hint = string.IsNullOrWhiteSpace(knockout.Hint) && knockout.Type == KnockoutAnswerType.Date
            ? texts.DateHint(today)
            : knockout.Hint;
        var text = string.IsNullOrWhiteSpace(hint) ? knockout.Question : $"{knockout.Question}\n_{hint}_";
        return knockout.Type switch
        {
            KnockoutAnswerType.YesNo => new PromptSpec { Type = PromptType.YesNo, QuestionId = knockout.Id, Text = text, Choices = texts.YesNoChoices },
            KnockoutAnswerType.Number => new PromptSpec { Type = PromptType.Number, QuestionId = knockout.Id, Text = text, Unit = knockout.Unit, Min = 0, Max = 100 },
            KnockoutAnswerType.Choice => new PromptSpec
            {
                Type = PromptType.Choice,
                QuestionId = knockout.Id,
                Text = text,
                Choices = knockout.Choices.Select(c => new Choice(c.Title, c.Value)).ToArray(),
            },
            KnockoutAnswerType.Date => new PromptSpec { Type = PromptType.Date, QuestionId = knockout.Id, Text = text },
            _ => throw new InvalidOperationException($"Unknown knockout type {knockout.Type}."),
        };
    }
}
