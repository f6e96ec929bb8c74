using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>One loopback OpenAI-compatible server shared by a test class (its tests run one after another).</summary>
public sealed class OpenAiServerFixture : IAsyncLifetime
{
    public OpenAiTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
