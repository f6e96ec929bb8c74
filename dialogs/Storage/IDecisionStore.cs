using ScreeningBot.Dialogs.Decisions;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// The decision history of each interview (advance, reject, hold, notes): append-only, so a changed decision keeps the
/// earlier ones. Implementations: <see cref="InMemoryDecisionStore"/>, SQLite and Azure Tables in <c>bot/Storage</c>; one
/// contract suite runs against all of them. Thread-safe, and safe for many bot instances on one store.
/// </summary>
public interface IDecisionStore
{
    /// <summary>Appends <paramref name="entry"/>; appending an entry whose id is already stored changes nothing.</summary>
    /// <exception cref="StorageUnavailableException">Storage is down; nothing was appended.</exception>
    Task AppendAsync(DecisionEntry entry, CancellationToken cancellationToken);

    /// <summary>The interview's history, oldest first (empty when nobody has decided or written a note).</summary>
    Task<DecisionHistory> GetAsync(string interviewId, CancellationToken cancellationToken);

    /// <summary>Deletes the interview's history (erasure); returns how many entries went.</summary>
    Task<int> DeleteAsync(string interviewId, CancellationToken cancellationToken);
}
