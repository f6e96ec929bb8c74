namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>The crash scenarios with SQLite: the embedded default, one file that must survive a killed process.</summary>
public sealed class SqliteCrashRecoveryTests : CrashRecoveryContract
{
    private protected override DurabilityStorage CreateStorage() => DurabilityStorage.OnSqlite();
}
