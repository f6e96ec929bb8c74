using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>What a step sees and may change during one turn.</summary>
public sealed class StepContext
{
    private readonly List<Reply> _replies;

    internal StepContext(TurnSubject subject, PlanPosition position, InterviewRecord record, PromptAnswer? answer, TimeSpan? answerLatency, DateTimeOffset now, List<Reply> replies)
    {
        Subject = subject;
        Position = position;
        Record = record;
        Answer = answer;
        AnswerLatency = answerLatency;
        Now = now;
        _replies = replies;
    }

    /// <summary>Whose interview this turn belongs to.</summary>
    public TurnSubject Subject { get; }

    /// <summary>Where the engine stands; steps change the current item's working fields (<c>step.Position = step.Position with { … }</c>).</summary>
    public PlanPosition Position { get; set; }

    /// <summary>What the interview has gathered; steps add to it (<c>step.Record = step.Record with { … }</c>).</summary>
    public InterviewRecord Record { get; set; }

    /// <summary>The recognised answer that resumed this step, or null when the step was reached by <see cref="StepResult.Next"/>.</summary>
    public PromptAnswer? Answer { get; }

    /// <summary>How long the candidate took to give <see cref="Answer"/>, pauses excluded.</summary>
    public TimeSpan? AnswerLatency { get; }

    public DateTimeOffset Now { get; }

    public int StepIndex => Position.StepIndex;

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
