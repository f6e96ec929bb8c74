namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>What a <see cref="WaterfallStep"/> wants next. The small vocabulary of Bot Framework's DialogTurnStatus.</summary>
public sealed record StepResult
{
    private StepResult(StepResultKind kind)
    {
        Kind = kind;
    }

    public StepResultKind Kind { get; }

    /// <summary>For <see cref="StepResultKind.Wait"/>: the question to ask.</summary>
    public PromptSpec? Prompt { get; private init; }

    /// <summary>For <see cref="StepResultKind.Wait"/>: the step that receives the answer (default: the next one).</summary>
    public int? ResumeAt { get; private init; }

    /// <summary>For <see cref="StepResultKind.EndInterview"/>: how the interview ended.</summary>
    public InterviewStatus? Outcome { get; private init; }

    /// <summary>Go to the next step now.</summary>
    public static StepResult Next { get; } = new(StepResultKind.Next);

    /// <summary>This item (question with its follow-ups) is done; go to the next item.</summary>
    public static StepResult EndDialog { get; } = new(StepResultKind.EndDialog);

    /// <summary>Ask <paramref name="prompt"/> and wait; the answer goes to <paramref name="resumeAt"/> (default: the next step).</summary>
    public static StepResult Wait(PromptSpec prompt, int? resumeAt = null)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (resumeAt is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(resumeAt), resumeAt, "A step index is never negative.");
        }

        return new(StepResultKind.Wait) { Prompt = prompt, ResumeAt = resumeAt };
    }

    /// <summary>End the whole interview with <paramref name="outcome"/> (a terminal status).</summary>
    public static StepResult EndInterview(InterviewStatus outcome)
    {
        if (!outcome.IsTerminal())
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "An interview can only end with a terminal status.");
        }

        return new(StepResultKind.EndInterview) { Outcome = outcome };
    }
}

public enum StepResultKind
{
    Wait,
    Next,
    EndDialog,
    EndInterview,
}
