using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// A serialisable description of a question and how to recognise its answer. Prompts keep
/// <em>recognise</em> (parse the text) apart from <em>validate</em> (rules such as a minimum length).
/// </summary>
public sealed record PromptSpec
{
    public required PromptType Type { get; init; }

    /// <summary>Question id for transcript and judging; null for housekeeping prompts (consent).</summary>
    public string? QuestionId { get; init; }

    /// <summary>The question as shown to the candidate.</summary>
    public required string Text { get; init; }

    /// <summary>Options for <see cref="PromptType.Choice"/> and the buttons of <see cref="PromptType.YesNo"/>.</summary>
    public IReadOnlyList<Choice> Choices { get; init; } = [];

    /// <summary>Shown instead of the generic message when an answer is not understood.</summary>
    public string? RetryText { get; init; }

    /// <summary>Unit for number prompts ("years"), used in the retry message.</summary>
    public string? Unit { get; init; }

    /// <summary>Smallest accepted number (inclusive).</summary>
    public decimal? Min { get; init; }

    /// <summary>Largest accepted number (inclusive).</summary>
    public decimal? Max { get; init; }
}

public enum PromptType
{
    Text,
    YesNo,
    Number,
    Choice,
    Date,
}
