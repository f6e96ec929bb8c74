using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Testing;

/// <summary>A judge that takes its time, like an LLM: waits <c>delay</c>, then asks <c>inner</c>.</summary>
public sealed class SlowJudge(IAnswerJudge inner, TimeSpan delay) : IAnswerJudge
{
    public async ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken);
        return await inner.JudgeAsync(request, cancellationToken);
    }
}
