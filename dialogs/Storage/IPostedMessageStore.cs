namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// Where the bot posted what about each candidate, so <c>forget</c> can delete those messages from Teams and Slack.
/// Holds addresses and message ids only, no content. Implementations: <see cref="InMemoryPostedMessageStore"/>, SQLite and
/// Azure Tables in <c>bot/Storage</c>; one contract suite runs against all of them.
/// </summary>
/// <remarks>Thread-safe. Saving the same message twice (same <see cref="PostedMessage.Key"/>) keeps one record.</remarks>
public interface IPostedMessageStore
{
    Task SaveAsync(PostedMessage message, CancellationToken cancellationToken);

    /// <summary>Every message recorded for the candidate, oldest first (parts in order).</summary>
    Task<IReadOnlyList<PostedMessage>> ListAsync(string candidateId, CancellationToken cancellationToken);

    /// <summary>Deletes one record; false when it was not there.</summary>
    Task<bool> DeleteAsync(PostedMessage message, CancellationToken cancellationToken);
}
