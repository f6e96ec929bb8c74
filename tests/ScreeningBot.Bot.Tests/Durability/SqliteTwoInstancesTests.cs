namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>Two instances on one SQLite file (two processes on one machine, or a restart overlapping the old process).</summary>
public sealed class SqliteTwoInstancesTests : TwoInstancesContract
{
    private protected override DurabilityStorage CreateStorage() => DurabilityStorage.OnSqlite();
}
