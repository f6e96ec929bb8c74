namespace ScreeningBot.Dialogs.Profiles;

/// <summary>The outcome of <see cref="KnockoutRuleParser.Parse"/>: a rule, or what is wrong and how to fix it.</summary>
public sealed record KnockoutRuleParseResult
{
    private KnockoutRuleParseResult(KnockoutRule? rule, string problem, string fix)
    {
        Rule = rule;
        Problem = problem;
        Fix = fix;
    }

    /// <summary>The parsed rule; null when <see cref="Succeeded"/> is false.</summary>
    public KnockoutRule? Rule { get; }

    /// <summary>What is wrong with the text; empty on success.</summary>
    public string Problem { get; }

    /// <summary>How to fix it; empty on success.</summary>
    public string Fix { get; }

    public bool Succeeded => Rule is not null;

    internal static KnockoutRuleParseResult Ok(KnockoutRule rule) => new(rule, string.Empty, string.Empty);

    internal static KnockoutRuleParseResult Fail(string problem, string fix) => new(null, problem, fix);
}
