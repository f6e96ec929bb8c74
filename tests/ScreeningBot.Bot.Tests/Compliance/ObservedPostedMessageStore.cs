using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Compliance;

/// <summary>
/// The bot's own posted-message store, watched: a test waits until a message is on record (the scoring job records it just
/// after posting it) before it asks for an erasure, instead of racing the job.
/// </summary>
internal sealed class ObservedPostedMessageStore(IPostedMessageStore inner) : IPostedMessageStore
{
    private readonly TaskCompletionSource _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the bot's store with a watched one; <paramref name="observed"/> receives it once the bot builds it.</summary>
    public static void Register(IServiceCollection services, Action<ObservedPostedMessageStore> observed) =>
        services.AddSingleton<IPostedMessageStore>(sp =>
        {
            var store = new ObservedPostedMessageStore(sp.GetRequiredService<StorageBackend>().PostedMessages);
            observed(store);
            return store;
        });

    /// <summary>Completes once any message has been recorded.</summary>
    public Task FirstSaved => _saved.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public async Task SaveAsync(PostedMessage message, CancellationToken cancellationToken)
    {
        await inner.SaveAsync(message, cancellationToken);
        _saved.TrySetResult();
    }

    public Task<IReadOnlyList<PostedMessage>> ListAsync(string candidateId, CancellationToken cancellationToken) => inner.ListAsync(candidateId, cancellationToken);

    public Task<bool> DeleteAsync(PostedMessage message, CancellationToken cancellationToken) => inner.DeleteAsync(message, cancellationToken);
}
