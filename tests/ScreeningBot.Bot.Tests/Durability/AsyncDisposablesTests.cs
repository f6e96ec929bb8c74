using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary><see cref="AsyncDisposables"/>, which the bot-process test hosts (<see cref="BotProcessTests"/>) tear down with.</summary>
public sealed class AsyncDisposablesTests
{
    [Fact]
    public async Task DisposeAsync_DisposesLastStartedFirstAndEachOnce()
    {
        var disposed = new List<string>();
        var started = new AsyncDisposables();
        var storage = started.Add(new Recorder("storage", disposed));
        started.Add(new Recorder("connector", disposed));
        started.Add(new Recorder("llm", disposed));

        await started.DisposeAsync();
        await started.DisposeAsync();

        Assert.Equal(["llm", "connector", "storage"], disposed);
        Assert.Equal("storage", storage.Name);
    }

    [Fact]
    public async Task DisposeAsync_AfterAStartThatFailed_DisposesWhatHadStarted()
    {
        var disposed = new List<string>();
        var started = new AsyncDisposables();

        await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            started.Add(new Recorder("azurite", disposed));
            started.Add(await FailingStartAsync());
        });
        await started.DisposeAsync();

        Assert.Equal(["azurite"], disposed);
    }

    private static async Task<Recorder> FailingStartAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException("the port is taken");
    }

    private sealed class Recorder(string name, List<string> disposed) : IAsyncDisposable
    {
        public string Name => name;

        public ValueTask DisposeAsync()
        {
            disposed.Add(name);
            return ValueTask.CompletedTask;
        }
    }
}
