using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Configuration;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ScreeningBot.Bot.Tests.Hosting;

public sealed class BotHostTests
{
    [Fact]
    public async Task Healthz_OnRealLoopbackSocket_AnswersOk()
    {
        await using var factory = new BotAppFactory();
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("127.0.0.1", factory.BaseAddress.Host);
        Assert.Equal("ok", (await response.Content.ReadFromJsonAsync<Dictionary<string, string>>())!["status"]);
    }

    [Fact]
    public async Task Startup_WithTheShippedAppSettings_StartsAndAnswers()
    {
        // Every value of the committed appsettings.json (a newcomer's `dotnet run`), except where the test must differ:
        // a random loopback port and a temporary database.
        var shipped = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.json"))
            .Build()
            .AsEnumerable()
            .Where(kv => kv.Value is not null && kv.Key is not ("Urls" or "Storage:SqlitePath" or "Screening:ProfilesPath"))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        await using var factory = new BotAppFactory(shipped);
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Reports:LinkDays", shipped.Keys);
    }

    [Fact]
    public async Task Startup_LoadsTheShippedProfiles()
    {
        await using var factory = new BotAppFactory();

        var profiles = factory.Services.GetRequiredService<IProfileSource>();

        Assert.Contains(profiles.Profiles, p => p.Id == "backend-senior");
        Assert.Contains(profiles.Profiles, p => p.Id == "backend-mid");
    }

    [Fact]
    public async Task Startup_MissingProfilesFolder_FailsWithAClearMessage()
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = "/nonexistent/profiles" });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains("Screening:ProfilesPath '/nonexistent/profiles' is not a directory", e.ToString(), StringComparison.Ordinal);
    }
}
