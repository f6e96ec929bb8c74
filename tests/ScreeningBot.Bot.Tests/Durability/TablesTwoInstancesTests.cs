using ScreeningBot.Bot.Tests.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>Two instances on Azure Table Storage (Azurite): the scaled-out deployment.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TablesTwoInstancesTests(AzuriteFixture azurite) : TwoInstancesContract
{
    private protected override DurabilityStorage CreateStorage() => DurabilityStorage.OnTables(azurite.ConnectionString);
}
