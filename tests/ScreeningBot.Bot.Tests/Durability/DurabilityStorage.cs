using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// The storage of one durability test: what its bot processes are configured with (Azure Tables with a table prefix
/// and queue of its own, or a SQLite file of its own), the same storage opened here to read what they wrote, and its
/// removal on dispose.
/// </summary>
internal sealed class DurabilityStorage : IAsyncDisposable
{
    private readonly StorageOptions _options;
    private readonly string? _folder;
    private readonly string? _botConnectionString;
    private StorageBackend? _backend;

    private DurabilityStorage(StorageOptions options, string? folder, string? botConnectionString = null)
    {
        _options = options;
        _folder = folder;
        _botConnectionString = botConnectionString;
    }

    /// <summary>
    /// Tables and a queue of this test's own on <paramref name="connectionString"/>. <paramref name="botConnectionString"/>:
    /// the bots reach the same account another way (through a <see cref="Testing.Storage.StorageFaultProxy"/>), while the
    /// test reads and cleans up directly.
    /// </summary>
    public static DurabilityStorage OnTables(string connectionString, string? botConnectionString = null)
    {
        var unique = "d" + Guid.NewGuid().ToString("N");
        return new(new StorageOptions { Provider = StorageProvider.Tables, ConnectionString = connectionString, TablePrefix = unique, QueueName = unique }, null, botConnectionString);
    }

    /// <summary>The prefix of this test's table names (its queue has the same name).</summary>
    public string TablePrefix => _options.TablePrefix;

    public static DurabilityStorage OnSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("screeningbot-durability-").FullName;
        return new(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder, "bot.db") }, folder);
    }

    /// <summary>A SQLite file in <paramref name="folder"/>, which the caller owns (a <see cref="Testing.Storage.Tmpfs"/>).</summary>
    public static DurabilityStorage OnSqliteIn(string folder) =>
        new(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder, "bot.db") }, null);

    /// <summary>The SQLite file (SQLite storage only).</summary>
    public string SqlitePath => _options.SqlitePath;

    /// <summary>Configuration for a <see cref="BotProcess"/> on this storage: the shipped profiles, the offline judge, and <see cref="TeamsUser.Recruiter"/> as a recruiter.</summary>
    public IReadOnlyDictionary<string, string> BotSettings
    {
        get
        {
            var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["Storage:Provider"] = _options.Provider.ToString(),
                ["Screening:ProfilesPath"] = RepositoryPaths.Profiles,
                ["Screening:Recruiters:0"] = TeamsUser.Recruiter.AadObjectId,
                ["Judge:Provider"] = "Rubric",
            };
            if (_options.Provider == StorageProvider.Tables)
            {
                settings["Storage:ConnectionString"] = _botConnectionString ?? _options.ConnectionString!;
                settings["Storage:TablePrefix"] = _options.TablePrefix;
                settings["Storage:QueueName"] = _options.QueueName;
            }
            else
            {
                settings["Storage:SqlitePath"] = _options.SqlitePath;
            }

            return settings;
        }
    }

    /// <summary><see cref="BotSettings"/> with <paramref name="more"/> added or overriding (an LLM judge, a shorter budget).</summary>
    public IReadOnlyDictionary<string, string> BotSettingsWith(IReadOnlyDictionary<string, string> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        var settings = new Dictionary<string, string>(BotSettings, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in more)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>The stores over the same data the bots use (opened on first use, after a bot created the schema).</summary>
    public StorageBackend Backend => _backend ??= new StorageBackend(Options.Create(_options), TimeProvider.System, NullLoggerFactory.Instance);

    /// <summary>The interview in <paramref name="candidate"/>'s 1:1 Teams chat, as stored now.</summary>
    public async Task<Interview> InterviewOfAsync(TeamsUser candidate)
    {
        var stored = await Backend.Interviews.FindByConversationAsync("msteams:" + TeamsActivities.PersonalConversationId(candidate), CancellationToken.None);
        return stored?.Interview ?? throw new InvalidOperationException($"No interview is stored for {candidate.Name}'s conversation.");
    }

    public async Task<IReadOnlyList<TranscriptTurn>> TranscriptOfAsync(TeamsUser candidate)
    {
        var interview = await InterviewOfAsync(candidate);
        return await Backend.Transcripts.ReadAsync(interview.Id, CancellationToken.None);
    }

    /// <summary>
    /// Every answer <paramref name="driver"/>'s candidate gave is in the stored transcript once, in order, and the
    /// interview's sequence counter matches the transcript: nothing half-written.
    /// </summary>
    public async Task AssertConsistentAsync(InterviewDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        var interview = await InterviewOfAsync(driver.Candidate);
        var transcript = await TranscriptOfAsync(driver.Candidate);
        driver.AssertTranscript(transcript);
        Assert.Equal(interview.Record.NextTranscriptSequence, transcript.Count);
    }

    public async ValueTask DisposeAsync()
    {
        _backend?.Dispose();
        if (_options.Provider == StorageProvider.Tables)
        {
            try
            {
                await AzureStorageAccount.FromConnectionString(_options.ConnectionString!, _options.TablePrefix)
                    .DeleteEverythingAsync([_options.QueueName, _options.QueueName + "-poison"], CancellationToken.None);
            }
            catch (Azure.RequestFailedException)
            {
                // Azurite already gone (its own data folder is deleted with it).
            }
        }

        if (_options.Provider == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        if (_folder is not null)
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process; the OS temp cleaner takes it.
            }
        }
    }
}
