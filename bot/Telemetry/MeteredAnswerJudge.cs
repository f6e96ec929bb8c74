using System.Diagnostics;
using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>Times every judgment and counts the LLM judge's fallbacks (<see cref="BotMetrics.Judged"/>); the judge itself is unchanged.</summary>
internal sealed class MeteredAnswerJudge(IAnswerJudge inner, BotMetrics metrics) : IAnswerJudge
{
    /// <summary>The judge that judges (the rubric judge, or the LLM judge with its fallback).</summary>
    public IAnswerJudge Inner { get; } = inner;

    public async ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var judgment = await Inner.JudgeAsync(request, cancellationToken);
        metrics.Judged(judgment, Stopwatch.GetElapsedTime(started));
        return judgment;
    }
}
