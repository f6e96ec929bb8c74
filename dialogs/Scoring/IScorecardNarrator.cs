using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// Writes the narrative of a scorecard (summary, strengths, risks, suggested next step, rationale) once
/// <see cref="ScorecardBuilder"/> has computed its figures. Implementations: <see cref="TemplateScorecardNarrator"/>
/// (offline, keeps the builder's template text) and the LLM narrator in <c>bot/Judging</c>.
/// </summary>
/// <remarks>
/// A narrator rewrites only narrative fields and the LLM usage figures; it never changes a score, the
/// recommendation or a quote. It must not throw for bad model output (it keeps the template text instead); it may
/// throw <see cref="OperationCanceledException"/> when the token is cancelled, and <see cref="ScoringJobHandler"/>
/// keeps the template scorecard if it throws anything else. Implementations must be thread-safe.
/// </remarks>
public interface IScorecardNarrator
{
    Task<Scorecard> NarrateAsync(Profile profile, Interview interview, Scorecard scorecard, IReadOnlyList<TranscriptTurn> transcript, CancellationToken cancellationToken);
}
