using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>What a step sees and may change during one turn.</summary>
public sealed class StepContext
{
    private readonly List<Reply> _replies;

    internal StepContext(TurnSubject subject, DialogState state, PromptAnswer? answer, TimeSpan? answerLatency, DateTimeOffset now, List<Reply> replies)
    {
        Subject = subject;
        State = state;
        Answer = answer;
        AnswerLatency = answerLatency;
        Now = now;
        _replies = replies;
    }

    /// <summary>Whose interview this turn belongs to.</summary>
    public TurnSubject Subject { get; }

    /// <summary>The dialog state; steps replace it (<c>step.State = step.State with { … }</c>).</summary>
    public DialogState State { get; set; }

    /// <summary>The recognised answer that resumed this step, or null when the step was reached by <see cref="StepResult.Next"/>.</summary>
    public PromptAnswer? Answer { get; }

    /// <summary>How long the candidate took to give <see cref="Answer"/>, pauses excluded.</summary>
    public TimeSpan? AnswerLatency { get; }

    public DateTimeOffset Now { get; }

    public int StepIndex => State.StepIndex;

    /// <summary>Sends an informational message to the candidate.</summary>
    public void Say(string text) => _replies.Add(Reply.Message(text));

    public void Send(Reply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        _replies.Add(reply);
    }
}

/// <summary>Who the turn is about: the interview id (for judging budgets and logs) and the candidate's name (for wording).</summary>
public sealed record TurnSubject(string InterviewId, string CandidateName)
{
    /// <summary>The first word of the name, or null when none is known (the texts then greet without a name).</summary>
    public string? FirstName => CandidateName.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
