using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// Tests that run real bot processes (<see cref="BotProcess"/>) on storage of the subclass's choice and a fake Bot
/// Connector: both start before each test and are disposed after it, last-started first, also when a start failed part way.
/// </summary>
#pragma warning disable CA1001 // xUnit disposes what a test started through IAsyncLifetime.DisposeAsync below.
public abstract class BotProcessTests : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly AsyncDisposables _started = new();
    private DurabilityStorage? _storage;
    private FakeBotConnector? _connector;

    private protected DurabilityStorage Storage => _storage ?? throw new InvalidOperationException("Not initialized.");

    private protected FakeBotConnector Connector => _connector ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _storage = _started.Add(await StartStorageAsync(_started));
        _connector = _started.Add(await FakeBotConnector.StartAsync(useHttps: false));
        await StartMoreAsync(_started);
    }

    public async Task DisposeAsync() => await _started.DisposeAsync();

    /// <summary>Starts what the storage needs, adding each to <paramref name="started"/>, and returns the storage, empty.</summary>
    private protected abstract Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started);

    /// <summary>Starts anything else the tests need, after the storage and the connector, adding each to <paramref name="started"/>.</summary>
    private protected virtual Task StartMoreAsync(AsyncDisposables started) => Task.CompletedTask;
}
