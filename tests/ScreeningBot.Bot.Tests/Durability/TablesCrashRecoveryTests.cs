using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>The crash scenarios with Azure Table Storage (Azurite): the scaled-out deployment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablesCrashRecoveryTests(AzuriteFixture azurite) : CrashRecoveryContract
{
    private protected override DurabilityStorage CreateStorage() => DurabilityStorage.OnTables(azurite.ConnectionString);
}
