using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// Runs a plan of <see cref="WaterfallDialog"/> items from the position saved in <see cref="DialogState"/>
/// until a step waits for the candidate or the interview ends. Stateless and thread-safe: everything it
/// needs is in its arguments, and everything it changes is in the returned <see cref="WaterfallRun"/>.
/// </summary>
public static class WaterfallEngine
{
    /// <summary>Steps run in one turn at most; a plan that loops without waiting is a bug, not a hang.</summary>
    public const int MaxStepsPerTurn = 500;

    /// <summary>
    /// Continues the plan. When <paramref name="answer"/> is given it answers <see cref="DialogState.Pending"/>
    /// and the run resumes at the pending prompt's <see cref="PendingPrompt.ResumeAt"/>; otherwise it starts at the
    /// saved step (used to start an interview).
    /// </summary>
    public static async ValueTask<WaterfallRun> RunAsync(
        IReadOnlyList<WaterfallDialog> plan,
        TurnSubject subject,
        DialogState state,
        PromptAnswer? answer,
        TimeSpan? answerLatency,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsEnded)
        {
            throw new InvalidOperationException($"The interview has already ended ({state.Status}).");
        }

        if (answer is not null && state.Pending is null)
        {
            throw new InvalidOperationException("An answer was given but no prompt is pending.");
        }

        var replies = new List<Reply>();
        var item = state.ItemIndex;
        var step = answer is null ? state.StepIndex : state.Pending!.ResumeAt;
        state = state with { Pending = null, AttemptCount = 0 };

        for (var executed = 0; executed < MaxStepsPerTurn; executed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item >= plan.Count)
            {
                return new WaterfallRun(End(state, InterviewStatus.Completed, now, plan.Count), replies);
            }

            var dialog = plan[item];
            if (step >= dialog.Steps.Count)
            {
                (item, step, state) = (item + 1, 0, ClearItem(state));
                answer = null;
                continue;
            }

            var context = new StepContext(subject, state with { ItemIndex = item, StepIndex = step, Phase = dialog.Phase }, answer, answerLatency, now, replies);
            var result = await dialog.Steps[step](context, cancellationToken);
            state = context.State;
            answer = null;
            answerLatency = null;

            switch (result.Kind)
            {
                case StepResultKind.Wait:
                    var prompt = result.Prompt!;
                    replies.Add(ToReply(prompt, ReplyKind.Prompt));
                    state = state with
                    {
                        ItemIndex = item,
                        StepIndex = step,
                        Pending = new PendingPrompt { Prompt = prompt, ResumeAt = result.ResumeAt ?? step + 1, AskedAt = now, PausedTotalAtAsk = state.PausedTotal },
                    };
                    return new WaterfallRun(state, replies);
                case StepResultKind.Next:
                    step++;
                    break;
                case StepResultKind.EndDialog:
                    (item, step, state) = (item + 1, 0, ClearItem(state));
                    break;
                case StepResultKind.EndInterview:
                    return new WaterfallRun(End(state, result.Outcome!.Value, now, item), replies);
                default:
                    throw new InvalidOperationException($"Unknown step result {result.Kind}.");
            }
        }

        throw new InvalidOperationException($"The plan ran {MaxStepsPerTurn} steps without waiting for the candidate; a step is looping.");
    }

    /// <summary>The reply that shows a prompt (also used by <c>repeat</c> and after a retry).</summary>
    public static Reply ToReply(PromptSpec prompt, ReplyKind kind)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return new Reply { Text = prompt.Text, Choices = prompt.Choices, Kind = kind, QuestionId = prompt.QuestionId };
    }

    private static DialogState ClearItem(DialogState state) =>
        state with
        {
            FollowUpsAsked = 0, WorkingAnswer = null, WorkingAnswerTime = TimeSpan.Zero, WorkingInputTokens = 0, WorkingOutputTokens = 0, ProbedFocus = [],
            WorkingFlags = [], WorkingFingerprints = [],
        };

    private static DialogState End(DialogState state, InterviewStatus outcome, DateTimeOffset now, int item) =>
        ClearItem(state) with { Status = outcome, EndedAt = now, Pending = null, Confirmation = null, ItemIndex = item, StepIndex = 0 };
}

/// <summary>The result of running the engine for one turn.</summary>
public sealed record WaterfallRun(DialogState State, IReadOnlyList<Reply> Replies);
