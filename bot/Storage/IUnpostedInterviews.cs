namespace ScreeningBot.Bot.Storage;

/// <summary>
/// The scoring sweep's query (<see cref="ScoringSweep"/>): finished interviews that should have a scorecard or a "not
/// screened" notice in the hiring channel and have no posted report. One per storage provider, beside its stores.
/// </summary>
internal interface IUnpostedInterviews
{
    /// <summary>
    /// Ids of interviews created at or after <paramref name="createdSince"/> that ended with a status the scoring job acts on
    /// (every terminal status but Cancelled and Expired) and whose report is missing or not posted; oldest first, at most
    /// <paramref name="limit"/>. Interviews that end in a notice never get a report, so they are always listed.
    /// </summary>
    /// <exception cref="Dialogs.Storage.StorageUnavailableException">Storage is down.</exception>
    Task<IReadOnlyList<string>> ListAsync(DateTimeOffset createdSince, int limit, CancellationToken cancellationToken);
}
