using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// Tables and queues of one test on the shared Azurite: a unique table prefix and queue name, removed by
/// <see cref="DeleteAsync"/> (called from the test class's IAsyncLifetime.DisposeAsync).
/// </summary>
internal sealed class AzuriteTestAccount
{
    private readonly string _connectionString;

    public AzuriteTestAccount(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var unique = Guid.NewGuid().ToString("N");
        TablePrefix = "t" + unique;
        QueueName = "q" + unique;
        _connectionString = azurite.ConnectionString;
        Account = Open();
    }

    public string TablePrefix { get; }

    public string QueueName { get; }

    public AzureStorageAccount Account { get; }

    /// <summary>Another client on the same tables, as a second bot instance would have.</summary>
    public AzureStorageAccount Open() => AzureStorageAccount.FromConnectionString(_connectionString, TablePrefix);

    public Task DeleteAsync() =>
        Account.DeleteEverythingAsync([QueueName, QueueName + "-poison"], CancellationToken.None);
}
