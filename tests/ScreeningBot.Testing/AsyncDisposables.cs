namespace ScreeningBot.Testing;

/// <summary>
/// What a test started (servers, processes, storage), disposed last-started first; what a start that failed part way
/// had started is disposed too, since only what started was added. Not thread-safe: meant for one test's set-up and tear-down.
/// </summary>
public sealed class AsyncDisposables : IAsyncDisposable
{
    private readonly Stack<IAsyncDisposable> _started = new();

    /// <summary>Keeps <paramref name="started"/> for <see cref="DisposeAsync"/> and returns it.</summary>
    public T Add<T>(T started)
        where T : IAsyncDisposable
    {
        ArgumentNullException.ThrowIfNull(started);
        _started.Push(started);
        return started;
    }

    /// <summary>Disposes everything added, last first; each only once.</summary>
    public async ValueTask DisposeAsync()
    {
        while (_started.TryPop(out var started))
        {
            await started.DisposeAsync();
        }
    }
}
