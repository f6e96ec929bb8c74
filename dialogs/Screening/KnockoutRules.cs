using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Applies a parsed <see cref="KnockoutRule"/> to a recognised answer.</summary>
internal static class KnockoutRules
{
    public static bool Fails(KnockoutRule rule, PromptAnswer answer, DateOnly interviewDate) => rule switch
    {
        YesNoRule r => answer.YesNo == r.FailWhen,
        NumberRule r => answer.Number is { } n && Compare(n.CompareTo(r.Threshold), r.Operator),
        ChoiceRule r => answer.Choice is { } c && r.Values.Contains(c, StringComparer.OrdinalIgnoreCase) == r.FailWhenIn,
        DateRule r => answer.Date is { } d && Compare(d.CompareTo(r.Absolute ?? interviewDate.AddMonths(r.OffsetMonths).AddDays(r.OffsetDays)), r.Operator),
        _ => throw new InvalidOperationException($"Unknown knockout rule {rule.GetType().Name}."),
    };

    private static bool Compare(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        _ => throw new InvalidOperationException($"Unknown operator {op}."),
    };
}
