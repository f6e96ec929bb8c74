using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ScreeningBot.Testing;

/// <summary>
/// The real bot on a real loopback socket (Kestrel on 127.0.0.1, random port), with test configuration:
/// a temporary SQLite database, the shipped profiles, the offline judge. Tests add settings (signing keys,
/// fake connector or Slack URLs) and may replace services. Dispose deletes the database.
/// </summary>
public sealed class BotAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("screeningbot-test-").FullName;

    public BotAppFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        _settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:SqlitePath"] = Path.Combine(_dataDirectory, "bot.db"),
            ["Screening:ProfilesPath"] = RepositoryPaths.Profiles,
            ["Judge:Provider"] = "Rubric",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        _configureServices = configureServices;
        // No port here: the "urls" setting below makes Kestrel pick a free one. UseKestrel(port) rewrites the server's
        // addresses between building the host and starting it, which races Program's own RunAsync under load and fails
        // with "IServerAddressesFeature.Addresses cannot be modified after the server has started".
        UseKestrel();
    }

    /// <summary>The bot's base address on loopback (http://127.0.0.1:port/); starts the server on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    /// <summary>The temporary folder holding this bot's SQLite database.</summary>
    public string DataDirectory => _dataDirectory;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
        if (_configureServices is not null)
        {
            builder.ConfigureTestServices(_configureServices);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still open on a slow shutdown; the OS temp cleaner takes it.
            }
        }
    }
}
