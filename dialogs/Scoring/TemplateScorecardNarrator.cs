using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>The offline narrator: the scorecard keeps the template narrative <see cref="ScorecardBuilder"/> wrote.</summary>
public sealed class TemplateScorecardNarrator : IScorecardNarrator
{
    public static TemplateScorecardNarrator Instance { get; } = new();

    public Task<Scorecard> NarrateAsync(Profile profile, Interview interview, Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scorecard);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(scorecard);
    }
}
