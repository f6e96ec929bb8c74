using System.Collections.Concurrent;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// The Azure Storage account the Table stores and the queue share: clients with bounded retries, table names
/// with the configured prefix, and tables and queues created on first use (once per process; a failed creation
/// is tried again on the next call).
/// </summary>
internal sealed class AzureStorageAccount
{
    public const string InterviewsTable = "interviews";
    public const string ConversationsTable = "conversations";
    public const string TranscriptsTable = "transcripts";
    public const string ReportsTable = "reports";
    public const string LedgerTable = "ledger";
    public const string DecisionsTable = "decisions";

    public const string AuditTable = "audit";
    public const string PostedMessagesTable = "postedmessages";
    public const string SelfIdentificationTable = "selfidentification";
    public const string WebhookDeadLettersTable = "webhookdeadletters";

    public static readonly IReadOnlyList<string> Tables = [InterviewsTable, ConversationsTable, TranscriptsTable, ReportsTable, LedgerTable, AuditTable, PostedMessagesTable, SelfIdentificationTable, DecisionsTable, WebhookDeadLettersTable];

    private readonly TableServiceClient _tableService;
    private readonly QueueServiceClient _queueService;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<QueueClient>>> _queues = new(StringComparer.Ordinal);

    public AzureStorageAccount(TableServiceClient tableService, QueueServiceClient queueService, string tablePrefix)
    {
        ArgumentNullException.ThrowIfNull(tableService);
        ArgumentNullException.ThrowIfNull(queueService);
        ArgumentException.ThrowIfNullOrWhiteSpace(tablePrefix);
        _tableService = tableService;
        _queueService = queueService;
        TablePrefix = tablePrefix;
    }

    public string TablePrefix { get; }

    /// <summary>The table endpoint without query string (a SAS never reaches a log).</summary>
    public string Location => _tableService.Uri.GetLeftPart(UriPartial.Path);

    public static AzureStorageAccount FromConnectionString(string connectionString, string tablePrefix) =>
        new(new TableServiceClient(connectionString, CreateTableOptions()), new QueueServiceClient(connectionString, CreateQueueOptions()), tablePrefix);

    public static AzureStorageAccount FromEndpoints(Uri tableEndpoint, Uri queueEndpoint, TokenCredential credential, string tablePrefix) =>
        new(new TableServiceClient(tableEndpoint, credential, CreateTableOptions()), new QueueServiceClient(queueEndpoint, credential, CreateQueueOptions()), tablePrefix);

    /// <summary>The table <paramref name="name"/> (one of <see cref="Tables"/>) with the prefix, created if missing.</summary>
    public Task<TableClient> GetTableAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(_tables, TablePrefix + name, CreateTableAsync, cancellationToken);

    /// <summary>The queue <paramref name="name"/>, created if missing.</summary>
    public Task<QueueClient> GetQueueAsync(string name, CancellationToken cancellationToken) =>
        GetOrCreateAsync(_queues, name, CreateQueueAsync, cancellationToken);

    /// <summary>Deletes this prefix's tables and the given queues (test clean-up; never called by the bot).</summary>
    public async Task DeleteEverythingAsync(IEnumerable<string> queueNames, CancellationToken cancellationToken)
    {
        foreach (var name in Tables)
        {
            await _tableService.DeleteTableAsync(TablePrefix + name, cancellationToken);
        }

        foreach (var name in queueNames)
        {
            await _queueService.GetQueueClient(name).DeleteIfExistsAsync(cancellationToken);
        }
    }

    // A stopped Azurite or an unreachable account must fail within seconds, not minutes: a few quick retries,
    // then StorageUnavailableException, and the turn is answered with an apology and retried by the channel.
    private static void Bound(Azure.Core.RetryOptions retry)
    {
        retry.Mode = RetryMode.Exponential;
        retry.MaxRetries = 3;
        retry.Delay = TimeSpan.FromMilliseconds(200);
        retry.MaxDelay = TimeSpan.FromSeconds(2);
        retry.NetworkTimeout = TimeSpan.FromSeconds(10);
    }

    private static TableClientOptions CreateTableOptions()
    {
        var options = new TableClientOptions();
        Bound(options.Retry);
        return options;
    }

    private static QueueClientOptions CreateQueueOptions()
    {
        // Base64 is what Azure Functions and most tools expect of queue messages.
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        Bound(options.Retry);
        return options;
    }

    private static async Task<T> GetOrCreateAsync<T>(ConcurrentDictionary<string, Lazy<Task<T>>> cache, string name, Func<string, Task<T>> create, CancellationToken cancellationToken)
    {
        var lazy = cache.GetOrAdd(name, n => new Lazy<Task<T>>(() => create(n)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken);
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<Task<T>>>(name, lazy));
            throw;
        }
    }

    // Creation is shared by every caller, so it does not take any one caller's cancellation token; the bounded
    // retries above bound its duration.
    private async Task<TableClient> CreateTableAsync(string name)
    {
        var table = _tableService.GetTableClient(name);
        await table.CreateIfNotExistsAsync(CancellationToken.None);
        return table;
    }

    private async Task<QueueClient> CreateQueueAsync(string name)
    {
        var queue = _queueService.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        return queue;
    }
}
