using ScreeningBot.Bot.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The webhook dead-letter contract in memory (one store shared by the "instances", as in one process).</summary>
public sealed class InMemoryWebhookDeadLetterStoreTests : WebhookDeadLetterStoreContract
{
    private readonly InMemoryWebhookDeadLetterStore _store = new();

    private protected override IWebhookDeadLetterStore CreateStore() => _store;
}
