using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>
/// The in-memory interview store, whose lookups can fail (storage down) or be held until released, and which counts how many
/// turns are inside a lookup at once. Lets the queue's ordering and concurrency be watched without timing anything.
/// </summary>
internal sealed class ControllableInterviewStore : IInterviewStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource> _holds = new(StringComparer.Ordinal);
    private readonly List<string> _entered = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inside;

    public InMemoryInterviewStore Inner { get; } = new();

    /// <summary>Lookups that fail with <see cref="StorageUnavailableException"/> before any other.</summary>
    public int FailingFinds { get; set; }

    /// <summary>The most lookups that were in progress at once.</summary>
    public int MostAtOnce { get; private set; }

    /// <summary>The conversation keys looked up, in the order the lookups started.</summary>
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

    /// <summary>Holds every lookup of <paramref name="conversationKey"/> until <see cref="Release"/>.</summary>
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

    /// <summary>Completes once <paramref name="count"/> lookups have started.</summary>
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

    public async Task<StoredInterview?> FindByConversationAsync(string conversationKey, CancellationToken cancellationToken)
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

            return await Inner.FindByConversationAsync(conversationKey, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                _inside--;
            }
        }
    }

    public Task<string> CreateAsync(Interview interview, CancellationToken cancellationToken) => Inner.CreateAsync(interview, cancellationToken);

    public Task<StoredInterview?> GetAsync(string interviewId, CancellationToken cancellationToken) => Inner.GetAsync(interviewId, cancellationToken);

    public Task<string> UpdateAsync(Interview interview, string etag, CancellationToken cancellationToken) => Inner.UpdateAsync(interview, etag, cancellationToken);

    public Task<IReadOnlyList<Interview>> ListAsync(InterviewQuery query, int limit, CancellationToken cancellationToken) => Inner.ListAsync(query, limit, cancellationToken);

    public Task<bool> DeleteAsync(string interviewId, CancellationToken cancellationToken) => Inner.DeleteAsync(interviewId, cancellationToken);
}
