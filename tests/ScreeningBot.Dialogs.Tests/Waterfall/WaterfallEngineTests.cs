using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Tests.Waterfall;

public sealed class WaterfallEngineTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly TurnSubject Subject = new("iv-test", "Jane Doe");

    private static readonly PlanPosition Start = new() { PlanVersion = "v" };

    private static InterviewRecord NewRecord() => new() { StartedAt = Now, ExpiresAt = Now.AddDays(7) };

    private static PromptSpec Ask(string text) => new() { Type = PromptType.Text, QuestionId = text, Text = text };

    private static PromptAnswer Answer(string text) => new() { Text = text };

    [Fact]
    public async Task RunAsync_StepThatWaits_StopsAndPersistsThePendingPrompt()
    {
        PlanItem[] plan = [new("a", Phase.CustomQuestions, [(s, _) => ValueTask.FromResult(StepResult.Wait(Ask("q1"))), (s, _) => ValueTask.FromResult(StepResult.EndDialog)])];

        var run = await WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord(), null, null, Now, CancellationToken.None);

        Assert.Equal("q1", Assert.Single(run.Replies).Text);
        Assert.Equal(1, run.Position.Pending!.ResumeAt);
        Assert.Equal(Now, run.Position.Pending.AskedAt);
        Assert.Equal(Phase.CustomQuestions, run.Position.Phase);
    }

    [Fact]
    public async Task RunAsync_AnswerGiven_ResumesAtTheStepThatReceivesIt()
    {
        string? received = null;
        PlanItem[] plan =
        [
            new("a", Phase.CustomQuestions,
            [
                (s, _) => ValueTask.FromResult(StepResult.Wait(Ask("q1"))),
                (s, _) =>
                {
                    received = s.Answer!.Text;
                    return ValueTask.FromResult(StepResult.Wait(Ask("q2")));
                },
            ]),
        ];
        var first = await WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord(), null, null, Now, CancellationToken.None);

        var second = await WaterfallEngine.RunAsync(plan, Subject, first.Position, first.Record, Answer("hello"), TimeSpan.FromSeconds(3), Now, CancellationToken.None);

        Assert.Equal("hello", received);
        Assert.Equal("q2", Assert.Single(second.Replies).Text);
    }

    [Fact]
    public async Task RunAsync_WaitWithResumeAt_LoopsOnTheSameStep()
    {
        var calls = 0;
        PlanItem[] plan =
        [
            new("loop", Phase.CustomQuestions,
            [
                (s, _) => ValueTask.FromResult(StepResult.Wait(Ask("start"))),
                (s, _) => ValueTask.FromResult(++calls < 3 ? StepResult.Wait(Ask($"again {calls}"), resumeAt: 1) : StepResult.EndDialog),
            ]),
            new("next", Phase.Closing, [(s, _) => ValueTask.FromResult(StepResult.EndInterview(InterviewStatus.Completed))]),
        ];
        var run = await WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord(), null, null, Now, CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            run = await WaterfallEngine.RunAsync(plan, Subject, run.Position, run.Record, Answer("x"), null, Now, CancellationToken.None);
        }

        Assert.Equal(3, calls);
        Assert.Equal(InterviewStatus.Completed, run.Record.Status);
        Assert.Equal(Now, run.Record.EndedAt);
    }

    [Fact]
    public async Task RunAsync_PlanExhausted_CompletesTheInterview()
    {
        PlanItem[] plan = [new("only", Phase.Closing, [(s, _) => ValueTask.FromResult(StepResult.Next)])];

        var run = await WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord(), null, null, Now, CancellationToken.None);

        Assert.Equal(InterviewStatus.Completed, run.Record.Status);
    }

    [Fact]
    public async Task RunAsync_MoreStepsThanTheTurnBudgetWithoutWaiting_ThrowsInsteadOfHanging()
    {
        var neverWaits = new PlanItem("never-waits", Phase.Closing, [(s, _) => ValueTask.FromResult(StepResult.Next)]);
        var plan = Enumerable.Repeat(neverWaits, WaterfallEngine.MaxStepsPerTurn + 1).ToArray();

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord(), null, null, Now, CancellationToken.None).AsTask());

        Assert.Contains("without waiting", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EndedInterview_Throws()
    {
        PlanItem[] plan = [new("x", Phase.Closing, [(s, _) => ValueTask.FromResult(StepResult.Next)])];

        await Assert.ThrowsAsync<InvalidOperationException>(() => WaterfallEngine.RunAsync(plan, Subject, Start, NewRecord() with { Status = InterviewStatus.Completed }, null, null, Now, CancellationToken.None).AsTask());
    }

    [Fact]
    public void StepResult_EndInterviewWithNonTerminalStatus_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => StepResult.EndInterview(InterviewStatus.InProgress));

        Assert.Equal("outcome", e.ParamName);
    }

    [Fact]
    public void PlanItem_NoSteps_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new PlanItem("empty", Phase.Closing, []));

        Assert.Equal("steps", e.ParamName);
    }
}
