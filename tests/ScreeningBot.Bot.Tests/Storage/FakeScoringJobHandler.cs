using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Records the jobs it is given; throws while <see cref="FailuresLeft"/> is above zero; with <see cref="HangUntilCancelled"/>, waits for its cancellation token.</summary>
internal sealed class FakeScoringJobHandler : IScoringJobHandler
{
    private readonly List<ScoringJob> _handled = [];

    public int FailuresLeft { get; set; }

    public bool HangUntilCancelled { get; set; }

    /// <summary>Completed once a job has been handed over (before it is handled).</summary>
    public TaskCompletionSource<ScoringJob> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completed once the first job has been handled successfully.</summary>
    public TaskCompletionSource<ScoringJob> FirstSuccess { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<ScoringJob> Handled
    {
        get
        {
            lock (_handled)
            {
                return [.. _handled];
            }
        }
    }

    public async Task HandleAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        lock (_handled)
        {
            _handled.Add(job);
        }

        Started.TrySetResult(job);
        if (HangUntilCancelled)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new TimeoutException("The hiring channel did not answer.");
        }

        FirstSuccess.TrySetResult(job);
    }
}
