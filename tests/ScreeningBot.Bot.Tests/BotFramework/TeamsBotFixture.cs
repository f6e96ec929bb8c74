using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.BotFramework;

/// <summary>One bot + fake connector shared by a test class (start-up costs a second or two); tests use their own users and conversations.</summary>
public sealed class TeamsBotFixture : IAsyncLifetime
{
    public TeamsBotHarness Harness { get; private set; } = null!;

    public async Task InitializeAsync() => Harness = await TeamsBotHarness.StartAsync();

    public async Task DisposeAsync() => await Harness.DisposeAsync();

    /// <summary>A Teams user nobody else in the run uses.</summary>
    public static TeamsUser NewUser(string name = "Test User")
    {
        var id = Guid.NewGuid().ToString("N");
        return new TeamsUser("29:1" + id[..16], name, Guid.NewGuid().ToString());
    }
}
