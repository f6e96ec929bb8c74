using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>
/// The in-memory processed-message ledger, which can fail (storage down), forget everything (another instance, an expired
/// entry), or hold its lookups until released, counting the lookups and records (a turn that no interview takes has both;
/// an interview's message has neither, the interview deduplicating it).
/// </summary>
internal sealed class ControllableLedger : IProcessedMessageLedger
{
    private readonly Lock _gate = new();
    private InMemoryProcessedMessageLedger _inner = new(TimeProvider.System);
    private TaskCompletionSource? _hold;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _lookups;
    private int _records;

    /// <summary>Calls that fail with <see cref="StorageUnavailableException"/> before any other.</summary>
    public int Failing { get; set; }

    /// <summary>How many lookups have started.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>How many records were asked for.</summary>
    public int Records => Volatile.Read(ref _records);

    public void Forget() => _inner = new InMemoryProcessedMessageLedger(TimeProvider.System);

    /// <summary>Holds every lookup until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => Interlocked.Exchange(ref _hold, null)?.TrySetResult();

    /// <summary>Completes once <paramref name="count"/> lookups have started.</summary>
    public async Task WaitForLookupsAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_lookups >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }

    public Task<bool> TryRecordAsync(string key, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        Interlocked.Increment(ref _records);
        return _inner.TryRecordAsync(key, timeToLive, cancellationToken);
    }

    public async Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        TaskCompletionSource changed;
        lock (_gate)
        {
            _lookups++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        if (Volatile.Read(ref _hold) is { } hold)
        {
            await hold.Task.WaitAsync(cancellationToken);
        }

        return await _inner.ContainsAsync(key, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (Failing > 0)
        {
            Failing--;
            throw new StorageUnavailableException("Injected: storage is down.");
        }
    }
}
