using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The decision store contract in memory.</summary>
public sealed class InMemoryDecisionStoreTests : DecisionStoreContract
{
    protected override Task<IDecisionStore> CreateStoreAsync() => Task.FromResult<IDecisionStore>(new InMemoryDecisionStore());
}
