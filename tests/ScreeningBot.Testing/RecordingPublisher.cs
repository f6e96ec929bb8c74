using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Testing;

/// <summary>An <see cref="IScorecardPublisher"/> that records what would have been posted; can be told to fail.</summary>
public sealed class RecordingPublisher : IScorecardPublisher
{
    private readonly ConcurrentQueue<(Interview Interview, Scorecard Scorecard)> _posted = new();

    private readonly ConcurrentDictionary<string, ScreeningNotice> _notices = new(StringComparer.Ordinal);

    public IReadOnlyList<(Interview Interview, Scorecard Scorecard)> Posted => [.. _posted];

    /// <summary>"Not screened" notices posted, one per interview at most (the publisher contract).</summary>
    public IReadOnlyList<ScreeningNotice> Notices => [.. _notices.Values];

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

    public Task PublishNoticeAsync(Interview interview, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        if (FailNextWith is { } failure)
        {
            FailNextWith = null;
            throw failure;
        }

        _notices.TryAdd(interview.Id, notice);
        return Task.CompletedTask;
    }
}
