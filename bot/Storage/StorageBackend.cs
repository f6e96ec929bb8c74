using Azure.Identity;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// The storage ports for the configured provider, built once from validated <see cref="StorageOptions"/>.
/// Decided when first resolved (not when services are added), so configuration overridden late (tests, hosting)
/// is honoured.
/// </summary>
internal sealed class StorageBackend : IDisposable
{
    private readonly SqliteDatabase? _sqlite;

    public StorageBackend(IOptions<StorageOptions> options, TimeProvider time, ILoggerFactory loggerFactory, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var settings = options.Value;
        var logger = loggerFactory.CreateLogger<StorageBackend>();
        if (settings.Provider == StorageProvider.Tables)
        {
            var account = CreateAccount(settings);
            Interviews = new TableInterviewStore(account);
            Transcripts = new TableTranscriptStore(account);
            Reports = new TableReportStore(account);
            Queue = new QueueJobQueue(account, settings.QueueName, time, loggerFactory.CreateLogger<QueueJobQueue>());
            Ledger = new TableProcessedMessageLedger(account, time);
            Decisions = new TableDecisionStore(account);
            AuditLog = new TableAuditLog(account);
            PostedMessages = new TablePostedMessageStore(account);
            SelfIdentifications = new TableSelfIdentificationStore(account);
            Unposted = new TableUnpostedInterviews(account);
            WebhookDeadLetters = new TableWebhookDeadLetterStore(account);
            StorageLog.StorageSelected(logger, settings.Provider, $"{account.Location} (tables '{settings.TablePrefix}*', queue '{settings.QueueName}')");
        }
        else
        {
            var path = Path.IsPathRooted(settings.SqlitePath)
                ? settings.SqlitePath
                : Path.Combine(environment?.ContentRootPath ?? Directory.GetCurrentDirectory(), settings.SqlitePath);
            _sqlite = new SqliteDatabase(path, loggerFactory.CreateLogger<SqliteDatabase>());
            Interviews = new SqliteInterviewStore(_sqlite);
            Transcripts = new SqliteTranscriptStore(_sqlite);
            Reports = new SqliteReportStore(_sqlite);
            Queue = new SqliteJobQueue(_sqlite, time, loggerFactory.CreateLogger<SqliteJobQueue>());
            Ledger = new SqliteProcessedMessageLedger(_sqlite, time);
            Decisions = new SqliteDecisionStore(_sqlite);
            AuditLog = new SqliteAuditLog(_sqlite);
            PostedMessages = new SqlitePostedMessageStore(_sqlite);
            SelfIdentifications = new SqliteSelfIdentificationStore(_sqlite);
            Unposted = new SqliteUnpostedInterviews(_sqlite);
            WebhookDeadLetters = new SqliteWebhookDeadLetterStore(_sqlite);
            StorageLog.StorageSelected(logger, settings.Provider, _sqlite.Path);
        }
    }

    public IInterviewStore Interviews { get; }

    public ITranscriptStore Transcripts { get; }

    public IReportStore Reports { get; }

    public IJobQueue Queue { get; }

    public IProcessedMessageLedger Ledger { get; }

    /// <summary>Who decided what about each screened candidate (issue 17).</summary>
    public IDecisionStore Decisions { get; }
    public IAuditLog AuditLog { get; }

    public IPostedMessageStore PostedMessages { get; }

    public ISelfIdentificationStore SelfIdentifications { get; }

    /// <summary>The scoring sweep's query (<see cref="ScoringSweep"/>).</summary>
    public IUnpostedInterviews Unposted { get; }

    /// <summary>Webhook events that failed every attempt, until replayed (bot/Decisions/WebhookDispatcher.cs).</summary>
    public IWebhookDeadLetterStore WebhookDeadLetters { get; }

    /// <summary>The SQLite file behind the stores, or null with Table Storage.</summary>
    public SqliteDatabase? Sqlite => _sqlite;

    public void Dispose() => _sqlite?.Dispose();

    private static AzureStorageAccount CreateAccount(StorageOptions settings)
    {
        if (!string.IsNullOrWhiteSpace(settings.ConnectionString))
        {
            return AzureStorageAccount.FromConnectionString(settings.ConnectionString, settings.TablePrefix);
        }

        // The validator has checked AccountUri already; this only repeats the derivation.
        if (!TableEndpoints.TryParse(settings.AccountUri ?? string.Empty, out var tableEndpoint, out var queueEndpoint, out var error))
        {
            throw new OptionsValidationException(StorageOptions.SectionName, typeof(StorageOptions), [$"Storage:AccountUri is not usable: {error}"]);
        }

        return AzureStorageAccount.FromEndpoints(tableEndpoint, queueEndpoint, new DefaultAzureCredential(), settings.TablePrefix);
    }
}
