using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>Records the jobs it is given; throws while <see cref="FailuresLeft"/> is above zero.</summary>
internal sealed class FakeScoringJobHandler : IScoringJobHandler
{
    private readonly List<ScoringJob> _handled = [];

    public int FailuresLeft { get; set; }

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

    public Task HandleAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        lock (_handled)
        {
            _handled.Add(job);
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new TimeoutException("The hiring channel did not answer.");
        }

        FirstSuccess.TrySetResult(job);
        return Task.CompletedTask;
    }
}
