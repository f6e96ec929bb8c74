using ScreeningBot.Bot.Rehearsal;

namespace ScreeningBot.Benchmarks;

/// <summary>
/// The core benchmark's clock: real time plus, inside one simulated candidate's flow (an <see cref="AsyncLocal{T}"/>), the
/// time that candidate spent reading and typing, at <see cref="RehearsalClock"/>'s pace. Without it every answer arrives
/// within a millisecond of its question, the typing-speed check (dialogs/Judging/TurnIntegrity.cs) cuts each answer to the
/// few characters anyone could type in its grace, and the judge scores a fragment instead of the answer.
/// </summary>
internal sealed class CandidateClock(TimeProvider real) : TimeProvider
{
    private readonly AsyncLocal<Elapsed?> _candidate = new();

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + (_candidate.Value?.Time ?? TimeSpan.Zero);

    /// <summary>Starts a candidate's own time in the calling flow (call it at the top of the async method that runs the candidate).</summary>
    public void Begin() => _candidate.Value = new Elapsed();

    /// <summary>Moves the calling candidate's time on by reading a question and typing <paramref name="answer"/>.</summary>
    public void Type(string answer)
    {
        var elapsed = _candidate.Value ?? throw new InvalidOperationException("Call Begin in the candidate's flow first.");
        elapsed.Time += RehearsalClock.ThinkingTime + TimeSpan.FromSeconds(answer.Length / RehearsalClock.CharactersPerSecond);
    }

    private sealed class Elapsed
    {
        public TimeSpan Time { get; set; }
    }
}
