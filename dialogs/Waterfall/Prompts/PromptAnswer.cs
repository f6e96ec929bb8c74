namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>A recognised answer to a <see cref="PromptSpec"/>; exactly one typed value is set, matching the prompt type.</summary>
public sealed record PromptAnswer
{
    /// <summary>The candidate's text as received (trimmed); for button clicks, the button value.</summary>
    public required string Text { get; init; }

    /// <summary>The candidate chose to skip a free-text question ("skip", "pass", "I don't know").</summary>
    public bool Skipped { get; init; }

    /// <summary>
    /// Wall-clock time from the question being sent to the answer being sent (pauses included: the candidate may type
    /// while paused), from the channel's timestamps when it gives them; null when unknown. Judging uses it to recognise
    /// answers longer than anyone could type.
    /// </summary>
    public TimeSpan? TimeToAnswer { get; init; }

    public bool? YesNo { get; init; }

    public decimal? Number { get; init; }

    /// <summary>The <see cref="Conversation.Choice.Value"/> picked.</summary>
    public string? Choice { get; init; }

    public DateOnly? Date { get; init; }

    /// <summary>A short normalised form for transcripts and knockout lines ("yes", "4", "2026-12-01").</summary>
    public string Normalized => YesNo is { } b ? (b ? "yes" : "no")
        : Number is { } n ? n.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)
        : Choice ?? Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        ?? (Skipped ? "(skipped)" : Text);
}
