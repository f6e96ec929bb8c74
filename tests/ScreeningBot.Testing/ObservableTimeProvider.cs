using Microsoft.Extensions.Time.Testing;

namespace ScreeningBot.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that tells when a timer is created, so a test can advance time exactly when the
/// code under test has started waiting (a Retry-After delay, a timeout) instead of racing it.
/// </summary>
public sealed class ObservableTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _created = [];
    private readonly List<(Func<TimeSpan, bool> Match, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Completes once a timer whose due time matches <paramref name="match"/> has been created (now or later).</summary>
    public Task WaitForTimerAsync(Func<TimeSpan, bool> match)
    {
        ArgumentNullException.ThrowIfNull(match);
        lock (_gate)
        {
            if (_created.Any(match))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((match, signal));
            return signal.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.Match(dueTime)).ToArray())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }
}
