using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>
/// The in-memory interview store, whose lookups and saves can fail (storage down) or be held until released, and which counts
/// how many turns are inside one at once. Lets the queue's ordering and concurrency be watched without timing anything. A
/// turn on an interview its service has cached makes no lookup, only a save.
/// </summary>
internal sealed class ControllableInterviewStore : IInterviewStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly List<string> _entered = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;

    public InMemoryInterviewStore Inner { get; } = new();

    /// <summary>Lookups and saves that fail with <see cref="StorageUnavailableException"/> before any other (a turn's first storage call fails).</summary>
    public int FailingFinds { get; set; }

    /// <summary>The most lookups and saves that were in progress at once.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>The conversation keys looked up or saved, in the order the calls started.</summary>
    public IReadOnlyList<string> Entered
    {
        get
        {
            lock (_gate)
            {
                return [.. _entered];
            }
        }
    }

    /// <summary>Holds every lookup and save of <paramref name="conversationKey"/> until <see cref="Release"/>.</summary>
    public void Hold(string conversationKey)
    {
        lock (_gate)
        {
            _holds[conversationKey] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Release(string conversationKey)
    {
        TaskCompletionSource? hold;
        lock (_gate)
        {
            _holds.Remove(conversationKey, out hold);
        }

        hold?.TrySetResult();
    }

    /// <summary>Completes once <paramref name="count"/> lookups or saves have started.</summary>
    public async Task WaitForEnteredAsync(int count)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_entered.Count >= count)
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(deadline.Token);
        }
    }

    public Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken) =>
        EnterAsync(conversationKey, () => Inner.FindByConversationAsync(conversationKey, cancellationToken), cancellationToken);

    /// <summary>Fails like a lookup while <see cref="FailingFinds"/> lasts: a turn on a cached interview meets the outage here.</summary>
    public Task<StoredInterview> UpdateAsync(StoredInterview current, Interview updated, CancellationToken cancellationToken) =>
        EnterAsync(updated.ConversationKey, () => Inner.UpdateAsync(current, updated, cancellationToken), cancellationToken);

    private async Task<T> EnterAsync<T>(string conversationKey, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        Task? hold;
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (FailingFinds > 0)
            {
                FailingFinds--;
                throw new StorageUnavailableException("Injected: storage is down.");
            }

            _entered.Add(conversationKey);
            MostAtOnce = Math.Max(MostAtOnce, ++_inside);
            hold = _holds.GetValueOrDefault(conversationKey)?.Task;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        try
        {
            if (hold is not null)
            {
                await hold.WaitAsync(cancellationToken);
            }

            return await call();
        }
        finally
        {
            lock (_gate)
            {
                _inside--;
            }
        }
    }

    public Task<StoredInterview> CreateAsync(Interview interview, CancellationToken cancellationToken) => Inner.CreateAsync(interview, cancellationToken);

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => Inner.GetAsync(interviewId, cancellationToken);

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => Inner.ListAsync(query, limit, cancellationToken);

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => Inner.DeleteAsync(interviewId, cancellationToken);
}
