namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Decides whether a recognised knockout answer fails its rule. One overload per answer type; passing an
/// answer of the wrong type for the rule is a programming error and throws <see cref="ArgumentException"/>.
/// Pure and thread-safe.
/// </summary>
public static class KnockoutRuleEvaluator
{
    /// <summary>A yes/no answer fails when it equals the rule's <see cref="YesNoRule.FailWhen"/>.</summary>
    public static bool Fails(KnockoutRule rule, bool answer) => rule switch
    {
        YesNoRule yesNo => answer == yesNo.FailWhen,
        _ => throw Mismatch(rule, "a yes/no"),
    };

    /// <summary>A number answer fails when <c>answer op threshold</c> holds.</summary>
    public static bool Fails(KnockoutRule rule, decimal answer) => rule switch
    {
        NumberRule number => Compare(answer.CompareTo(number.Threshold), number.Operator),
        _ => throw Mismatch(rule, "a number"),
    };

    /// <summary>A choice answer (the chosen option's value) fails when it is in (or not in) the rule's values.</summary>
    public static bool Fails(KnockoutRule rule, string choiceValue)
    {
        ArgumentNullException.ThrowIfNull(choiceValue);
        return rule switch
        {
            ChoiceRule choice => choice.Values.Contains(choiceValue, StringComparer.Ordinal) == choice.FailWhenIn,
            _ => throw Mismatch(rule, "a choice"),
        };
    }

    /// <summary>A date answer fails when <c>answer op reference</c> holds; see <see cref="ReferenceDate"/>.</summary>
    public static bool Fails(KnockoutRule rule, DateOnly answer, DateOnly interviewDate) => rule switch
    {
        DateRule date => Compare(answer.CompareTo(ReferenceDate(date, interviewDate)), date.Operator),
        _ => throw Mismatch(rule, "a date"),
    };

    /// <summary>
    /// The date a date rule compares with: its absolute date, or the interview date plus the offset
    /// (months first, then days; <c>+1m</c> from 31 January is the last day of February).
    /// </summary>
    public static DateOnly ReferenceDate(DateRule rule, DateOnly interviewDate)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Absolute ?? interviewDate.AddMonths(rule.OffsetMonths).AddDays(rule.OffsetDays);
    }

    private static bool Compare(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.LessThan => comparison < 0,
        ComparisonOperator.LessThanOrEqual => comparison <= 0,
        ComparisonOperator.GreaterThan => comparison > 0,
        ComparisonOperator.GreaterThanOrEqual => comparison >= 0,
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };

    private static ArgumentException Mismatch(KnockoutRule rule, string answerKind)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new ArgumentException($"A {rule.GetType().Name} cannot judge {answerKind} answer.", nameof(rule));
    }
}
