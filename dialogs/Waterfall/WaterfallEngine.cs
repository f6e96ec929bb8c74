using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// Runs a plan of <see cref="PlanItem"/>s from a saved <see cref="PlanPosition"/> until a step waits for the candidate or
/// the interview ends. Stateless and thread-safe: everything it needs is in its arguments, and everything it changes is
/// in the returned <see cref="WaterfallRun"/>.
/// </summary>
public static class WaterfallEngine
{
    /// <summary>Steps run in one turn at most; a plan that loops without waiting is a bug, not a hang.</summary>
    public const int MaxStepsPerTurn = 500;

    /// <summary>
    /// Continues the plan. When <paramref name="answer"/> is given it answers <see cref="PlanPosition.Pending"/>
    /// and the run resumes at the pending prompt's <see cref="PendingPrompt.ResumeAt"/>; otherwise it starts at the
    /// saved step (used to start an interview).
    /// </summary>
    public static async ValueTask<WaterfallRun> RunAsync(
        IReadOnlyList<PlanItem> plan,
        TurnSubject subject,
        PlanPosition position,
        InterviewRecord record,
        PromptAnswer? answer,
        TimeSpan? answerLatency,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(record);
        if (record.IsEnded)
        {
            throw new InvalidOperationException($"The interview has already ended ({record.Status}).");
        }

        if (answer is not null && position.Pending is null)
        {
            throw new InvalidOperationException("An answer was given but no prompt is pending.");
        }

        var replies = new List<Reply>();
        var item = position.ItemIndex;
        var step = answer is null ? position.StepIndex : position.Pending!.ResumeAt;
        position = position with { Pending = null, AttemptCount = 0 };

        for (var executed = 0; executed < MaxStepsPerTurn; executed++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item >= plan.Count)
            {
                return End(position, record, InterviewStatus.Completed, now, plan.Count, replies);
            }

            var planItem = plan[item];
            if (step >= planItem.Steps.Count)
            {
                (item, step, position) = (item + 1, 0, ClearItem(position));
                answer = null;
                continue;
            }

            var context = new StepContext(subject, position with { ItemIndex = item, StepIndex = step, Phase = planItem.Phase }, record, answer, answerLatency, now, replies);
            var result = await planItem.Steps[step](context, cancellationToken);
            (position, record) = (context.Position, context.Record);
            answer = null;
            answerLatency = null;

            switch (result.Kind)
            {
                case StepResultKind.Wait:
                    var prompt = result.Prompt!;
                    replies.Add(ToReply(prompt, ReplyKind.Prompt));
                    position = position with
                    {
                        ItemIndex = item,
                        StepIndex = step,
                        Pending = new PendingPrompt { Prompt = prompt, ResumeAt = result.ResumeAt ?? step + 1, AskedAt = now, PausedTotalAtAsk = record.PausedTotal },
                    };
                    return new WaterfallRun(position, record, replies);
                case StepResultKind.Next:
                    step++;
                    break;
                case StepResultKind.EndDialog:
                    (item, step, position) = (item + 1, 0, ClearItem(position));
                    break;
                case StepResultKind.EndInterview:
                    return End(position, record, result.Outcome!.Value, now, item, replies);
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

    private static PlanPosition ClearItem(PlanPosition position) =>
        position with
        {
            FollowUpsAsked = 0, WorkingAnswer = null, WorkingAnswerTime = TimeSpan.Zero, WorkingInputTokens = 0, WorkingOutputTokens = 0, ProbedFocus = [],
            WorkingFlags = [], WorkingFingerprints = [],
        };

    private static WaterfallRun End(PlanPosition position, InterviewRecord record, InterviewStatus outcome, DateTimeOffset now, int item, List<Reply> replies) =>
        new(
            ClearItem(position) with { Pending = null, Confirmation = null, ItemIndex = item, StepIndex = 0 },
            record with { Status = outcome, EndedAt = now },
            replies);
}

/// <summary>The result of running the engine for one turn.</summary>
public sealed record WaterfallRun(PlanPosition Position, InterviewRecord Record, IReadOnlyList<Reply> Replies);
