using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Testing;

/// <summary>An <see cref="IScorecardPublisher"/> that records what would have been posted; can be told to fail.</summary>
public sealed class RecordingPublisher : IScorecardPublisher
{
    private readonly ConcurrentQueue<(Interview Interview, Scorecard Scorecard)> _posted = new();

    public IReadOnlyList<(Interview Interview, Scorecard Scorecard)> Posted => [.. _posted];

    /// <summary>When set, the next publish throws it once (a channel outage).</summary>
    public Exception? FailNextWith { get; set; }

    public Task<string?> PublishAsync(Interview interview, Scorecard scorecard, CancellationToken cancellationToken)
    {
        if (FailNextWith is { } failure)
        {
            FailNextWith = null;
            throw failure;
        }

        _posted.Enqueue((interview, scorecard));
        return Task.FromResult<string?>($"posted-{_posted.Count}");
    }
}
