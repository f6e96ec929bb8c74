using Xunit;

namespace ScreeningBot.Testing.Storage;

/// <summary>
/// Azure Table and Queue Storage for tests: the Azurite emulator. With the environment variable
/// <see cref="EnvironmentVariable"/> set (a connection string, as .ci/run does), the tests use that Azurite.
/// Otherwise the fixture starts an <see cref="AzuriteProcess"/> itself (running <c>npm ci</c> in tests/azurite when
/// needed) on free loopback ports with in-memory persistence, and stops it on dispose; so <c>dotnet test</c> works on a
/// machine with Node.js and npm. If Azurite can be neither found nor started, it throws: the tests fail with a message
/// saying how to start it, and are never skipped silently.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The one environment variable the tests read: an Azure Storage connection string for Azurite.</summary>
    public const string EnvironmentVariable = "SCREENINGBOT_AZURITE";

    private AzuriteProcess? _azurite;

    /// <summary>The connection string of the Azurite the tests use.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>True when this fixture started Azurite (and stops it); false when it came from the environment.</summary>
    public bool StartedHere => _azurite is not null;

    public async Task InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ConnectionString = configured.Trim();
            await AzuriteProcess.ProbeAsync(ConnectionString, $"{EnvironmentVariable} is set, but the Azurite it names does not answer");
            return;
        }

        _azurite = await AzuriteProcess.StartAsync(persistent: false);
        ConnectionString = _azurite.ConnectionString;
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
            _azurite = null;
        }
    }
}
