namespace ScreeningBot.Bot.Rehearsal;

/// <summary>
/// The clock of a rehearsal with scripted answers: it starts at the real time and moves only when
/// <see cref="Type"/> says a candidate typed an answer, by the time a person takes to read the question and type it. A
/// replayed script thus has the timings of a real screen (its transcript, time spent and typing-speed checks), instead
/// of eighteen answers arriving within a millisecond.
/// </summary>
internal sealed class RehearsalClock(TimeProvider real) : TimeProvider
{
    /// <summary>Reading the question and thinking before typing.</summary>
    public static readonly TimeSpan ThinkingTime = TimeSpan.FromSeconds(20);

    /// <summary>A steady typist: about 50 words a minute.</summary>
    public const double CharactersPerSecond = 4;

    private readonly DateTimeOffset _start = real.GetUtcNow();
    private TimeSpan _elapsed;

    public override DateTimeOffset GetUtcNow() => _start + _elapsed;

    /// <summary>Moves the clock on by the time it takes to read a question and type <paramref name="answer"/>.</summary>
    public void Type(string answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        _elapsed += ThinkingTime + TimeSpan.FromSeconds(answer.Length / CharactersPerSecond);
    }
}
