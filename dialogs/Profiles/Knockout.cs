namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// A must-have screening question with a typed answer and a <see cref="FailIf"/> rule. A failed knockout
/// ends the screen politely and forces recommendation No. The candidate is never told the rule.
/// </summary>
public sealed record Knockout
{
    public required string Id { get; init; }

    public required string Question { get; init; }

    public required KnockoutAnswerType Type { get; init; }

    /// <summary>Options for <see cref="KnockoutAnswerType.Choice"/>; empty otherwise.</summary>
    public IReadOnlyList<ChoiceOption> Choices { get; init; } = [];

    /// <summary>The rule as written in YAML, e.g. <c>"&lt; 3"</c>, <c>"no"</c>, <c>"in [contract]"</c>, <c>"&gt; +30d"</c>.</summary>
    public required string FailIf { get; init; }

    /// <summary>The parsed <see cref="FailIf"/> rule.</summary>
    public required KnockoutRule Rule { get; init; }

    /// <summary>Unit shown in number re-prompts ("years").</summary>
    public string? Unit { get; init; }

    /// <summary>Optional hint shown with the question.</summary>
    public string? Hint { get; init; }
}

public enum KnockoutAnswerType
{
    YesNo,
    Number,
    Choice,
    Date,
}

/// <summary>One selectable option of a choice question.</summary>
/// <param name="Value">Stable value stored and compared by rules (kebab-case).</param>
/// <param name="Title">What the candidate sees.</param>
public sealed record ChoiceOption(string Value, string Title);
