using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>Registers durable storage: the five storage ports for the configured provider, and their background work.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Storage</c> section (at startup), registers <see cref="IInterviewStore"/>,
    /// <see cref="ITranscriptStore"/>, <see cref="IReportStore"/>, <see cref="IJobQueue"/> and
    /// <see cref="IProcessedMessageLedger"/>, <see cref="IAuditLog"/>, <see cref="IPostedMessageStore"/> and <see cref="ISelfIdentificationStore"/> as singletons of the chosen provider (SQLite by default, Azure Tables and
    /// Queues with <c>Storage:Provider=Tables</c>), <see cref="CandidateDataService"/> for erasure, the daily retention
    /// purge, the SQLite WAL checkpoints, the worker that runs scoring jobs once an <see cref="IScoringJobHandler"/> is registered, and the
    /// sweep that queues scoring again for finished interviews whose job was lost (<see cref="ScoringSweep"/>).
    /// </summary>
    public static IServiceCollection AddScreeningBotStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(configuration); // what the options below bind, also for command-line verbs that build their own services
        services.AddOptionsWithValidateOnStart<StorageOptions, StorageOptionsValidator>().BindConfiguration(StorageOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => new StorageBackend(
            sp.GetRequiredService<IOptions<StorageOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IHostEnvironment>()));
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Interviews);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Transcripts);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Reports);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Queue);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Ledger);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Decisions);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().AuditLog);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().PostedMessages);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().SelfIdentifications);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().Unposted);
        services.AddSingleton(sp => sp.GetRequiredService<StorageBackend>().WebhookDeadLetters);
        services.TryAddSingleton(sp => new CandidateDataService(
            sp.GetRequiredService<IInterviewStore>(),
            sp.GetRequiredService<ITranscriptStore>(),
            sp.GetRequiredService<IReportStore>(),
            sp.GetRequiredService<ISelfIdentificationStore>(),
            sp.GetRequiredService<IPostedMessageStore>()));

        services.AddHostedService<RetentionWorker>();
        services.AddHostedService<JobQueueWorker>();
        services.AddOptionsWithValidateOnStart<ScoringSweepOptions, ScoringSweepOptionsValidator>().BindConfiguration(ScoringSweepOptions.SectionName);
        services.AddHostedService<ScoringSweep>();
        services.AddHostedService<Sqlite.SqliteCheckpointWorker>();
        return services;
    }
}
