using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Applies a knockout's rule to a recognised answer through <see cref="KnockoutRuleEvaluator"/>.</summary>
internal static class KnockoutRules
{
    public static bool Fails(KnockoutRule rule, PromptAnswer answer, DateOnly interviewDate) => answer switch
    {
        { YesNo: { } yes } => KnockoutRuleEvaluator.Fails(rule, yes),
        { Number: { } number } => KnockoutRuleEvaluator.Fails(rule, number),
        { Choice: { } choice } => KnockoutRuleEvaluator.Fails(rule, choice),
        { Date: { } date } => KnockoutRuleEvaluator.Fails(rule, date, interviewDate),
        _ => throw new ArgumentException("A knockout answer must be typed (yes/no, number, choice or date).", nameof(answer)),
    };
}
