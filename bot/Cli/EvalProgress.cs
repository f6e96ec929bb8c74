using System.Globalization;
using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The progress bar of <c>judge-eval --judge llm</c> on stderr: one line per 5 % (plain lines, so it reads the same in a
/// terminal, a log file or CI), with fallbacks and tokens so far. Not thread-safe: the caller serialises calls.
/// </summary>
internal sealed class EvalProgress(int total, int alreadyDone, TextWriter error)
{
    private const int Width = 20;
    private const int StepPercent = 5;

    private int _lastPercent = -1;

    public int Done { get; private set; } = alreadyDone;

    public long InputTokens { get; private set; }

    public long OutputTokens { get; private set; }

    /// <summary>Fallback reason → count.</summary>
    public Dictionary<string, int> Fallbacks { get; } = new(StringComparer.Ordinal);

    public void Add(Judgment judgment)
    {
        ArgumentNullException.ThrowIfNull(judgment);
        Done++;
        InputTokens += judgment.InputTokens;
        OutputTokens += judgment.OutputTokens;
        if (judgment.JudgedBy == JudgeKind.RubricFallback)
        {
            var reason = judgment.FallbackReason ?? "unknown";
            Fallbacks[reason] = Fallbacks.GetValueOrDefault(reason) + 1;
        }
    }

    public async Task ReportAsync(bool force)
    {
        var percent = total == 0 ? 100 : (int)(100L * Done / total);
        if (!force && percent / StepPercent == _lastPercent / StepPercent)
        {
            return;
        }

        _lastPercent = percent;
        var filled = percent * Width / 100;
        await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {percent,3}% {Done}/{total} judged, {Fallbacks.Values.Sum()} fell back, {InputTokens + OutputTokens:N0} tokens"));
    }
}
