namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Handles one scoring job: builds the scorecard, stores it, posts it once. Called by the queue worker
/// in <c>bot/</c>; must be idempotent because delivery is at-least-once. Throwing means "try again later";
/// the worker moves a job to the poison store after the configured number of attempts.
/// </summary>
public interface IScoringJobHandler
{
    Task HandleAsync(ScoringJob job, CancellationToken cancellationToken);
}
