using System.Collections.Concurrent;
using ScreeningBot.Dialogs.Serialization;

namespace ScreeningBot.Dialogs.Storage;

/// <summary>Posted-message records in process memory; same contract as the durable stores.</summary>
public sealed class InMemoryPostedMessageStore : IPostedMessageStore
{
    private readonly ConcurrentDictionary<(string CandidateId, string Key), string> _messages = new();

    public Task SaveAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        _messages[(message.CandidateId, message.Key)] = DialogsJson.Serialize(message);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<PostedMessage>> ListAsync(string candidateId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateId);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<PostedMessage> found = PostedMessages.InOrder(_messages
            .Where(m => string.Equals(m.Key.CandidateId, candidateId, StringComparison.Ordinal))
            .Select(m => DialogsJson.Deserialize<PostedMessage>(m.Value)));
        return Task.FromResult(found);
    }

    public Task<bool> DeleteAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_messages.TryRemove((message.CandidateId, message.Key), out _));
    }
}
