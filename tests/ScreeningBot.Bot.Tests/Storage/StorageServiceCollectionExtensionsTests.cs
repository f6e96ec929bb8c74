using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Sqlite;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

public sealed class StorageServiceCollectionExtensionsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("screeningbot-di-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task AddScreeningBotStorage_Defaults_RegistersSqlitePortsOnOneFile()
    {
        var path = Path.Combine(_folder, "data", "bot.db");
        await using var provider = Build(new() { ["Storage:SqlitePath"] = path });

        var interviews = provider.GetRequiredService<IInterviewStore>();
        await interviews.CreateAsync(StorageTestData.Interview("iv-di"), CancellationToken.None);

        Assert.IsType<SqliteInterviewStore>(interviews);
        Assert.IsType<SqliteTranscriptStore>(provider.GetRequiredService<ITranscriptStore>());
        Assert.IsType<SqliteReportStore>(provider.GetRequiredService<IReportStore>());
        Assert.IsType<SqliteJobQueue>(provider.GetRequiredService<IJobQueue>());
        Assert.IsType<SqliteProcessedMessageLedger>(provider.GetRequiredService<IProcessedMessageLedger>());
        Assert.Same(interviews, provider.GetRequiredService<IInterviewStore>());
        Assert.NotNull(provider.GetRequiredService<CandidateDataService>());
        Assert.True(File.Exists(path));
        var hosted = provider.GetServices<IHostedService>().Select(s => s.GetType()).ToArray();
        Assert.Contains(typeof(JobQueueWorker), hosted);
        Assert.Contains(typeof(RetentionWorker), hosted);
    }

    [Fact]
    public async Task AddScreeningBotStorage_TablesWithConnectionString_RegistersAzurePorts()
    {
        await using var provider = Build(new()
        {
            ["Storage:Provider"] = "Tables",
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        });

        Assert.IsType<TableInterviewStore>(provider.GetRequiredService<IInterviewStore>());
        Assert.IsType<TableTranscriptStore>(provider.GetRequiredService<ITranscriptStore>());
        Assert.IsType<TableReportStore>(provider.GetRequiredService<IReportStore>());
        Assert.IsType<QueueJobQueue>(provider.GetRequiredService<IJobQueue>());
        Assert.IsType<TableProcessedMessageLedger>(provider.GetRequiredService<IProcessedMessageLedger>());
    }

    [Fact]
    public async Task AddScreeningBotStorage_TablesWithoutConnection_FailsWithTheFix()
    {
        await using var provider = Build(new() { ["Storage:Provider"] = "Tables" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IInterviewStore>());

        Assert.Contains("neither Storage:ConnectionString nor Storage:AccountUri is set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddScreeningBotStorage_Defaults_ValidateOnStartAcceptsThem()
    {
        await using var provider = Build(new() { ["Storage:SqlitePath"] = Path.Combine(_folder, "bot.db") });

        var options = provider.GetRequiredService<IOptions<StorageOptions>>().Value;

        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal(180, options.RetentionDays);
        Assert.Equal(5, options.MaxDequeueCount);
        Assert.Equal("screeningbot", options.TablePrefix);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddScreeningBotStorage(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
