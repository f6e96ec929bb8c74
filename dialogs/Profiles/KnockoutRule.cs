namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// A parsed <c>failIf</c> rule. Grammar by answer type:
/// <list type="bullet">
/// <item><c>yesno</c>: <c>yes</c> or <c>no</c> (fail when the answer equals it).</item>
/// <item><c>number</c>: <c>&lt; 3</c>, <c>&lt;= 2</c>, <c>&gt; 10</c>, <c>&gt;= 5</c>, <c>== 0</c>, <c>!= 1</c>.</item>
/// <item><c>choice</c>: <c>in [a, b]</c>, <c>not in [a, b]</c>, <c>== a</c>, <c>!= a</c> (choice values).</item>
/// <item><c>date</c>: <c>&gt; +30d</c> (later than 30 days after the interview; units d, w, m), <c>&lt; today</c>,
/// or an ISO date: <c>&gt; 2027-01-31</c>.</item>
/// </list>
/// </summary>
public abstract record KnockoutRule
{
    private protected KnockoutRule()
    {
    }
}

public sealed record YesNoRule(bool FailWhen) : KnockoutRule;

public sealed record NumberRule(ComparisonOperator Operator, decimal Threshold) : KnockoutRule;

public sealed record ChoiceRule(bool FailWhenIn, IReadOnlyList<string> Values) : KnockoutRule;

/// <summary>Date rule: compare the answer with the interview date plus the offset (<see cref="OffsetDays"/>, <see cref="OffsetMonths"/>) or with <see cref="Absolute"/>.</summary>
public sealed record DateRule(ComparisonOperator Operator, DateOnly? Absolute, int OffsetDays, int OffsetMonths) : KnockoutRule;

public enum ComparisonOperator
{
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    Equal,
    NotEqual,
}
