using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Hosting;

/// <summary>
/// <c>/healthz/ready</c>, which App Service's health check probes (infra/main.bicep): it fails while storage cannot be used
/// and recovers by itself when storage is back; <c>/healthz</c> (liveness) answers throughout.
/// </summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_SqliteFolderUnusable_Answers503ThenRecoversWhenItIs()
    {
        var root = Directory.CreateTempSubdirectory("screeningbot-ready-").FullName;
        try
        {
            // A file where the database's folder should be: SQLite cannot create the database until it is gone.
            var blocked = Path.Combine(root, "data");
            await File.WriteAllTextAsync(blocked, "not a folder");
            await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["Storage:SqlitePath"] = Path.Combine(blocked, "bot.db") });
            using var client = new HttpClient { BaseAddress = factory.BaseAddress };

            var (downStatus, down) = await ReadyAsync(client);
            var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
            File.Delete(blocked);
            var (upStatus, up) = await ReadyAsync(client);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
            Assert.Equal("Unhealthy", down["status"]!.GetValue<string>());
            Assert.Equal("Unhealthy", down["checks"]!["storage"]!["status"]!.GetValue<string>());
            Assert.DoesNotContain(root, down.ToJsonString(), StringComparison.Ordinal); // no paths or exception text in a public answer
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
            Assert.Equal(HttpStatusCode.OK, upStatus);
            Assert.Equal("Healthy", up["status"]!.GetValue<string>());
            Assert.Equal("Healthy", up["checks"]!["storage"]!["status"]!.GetValue<string>());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Ready_AzuriteStopped_Answers503ThenRecoversWhenStartedAgain()
    {
        await using var azurite = await AzuriteProcess.StartAsync(persistent: true);
        await using var factory = new BotAppFactory(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Tables",
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = "ready" + Guid.NewGuid().ToString("N")[..8],
        });
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };

        var (beforeStatus, _) = await ReadyAsync(client);
        await azurite.StopAsync();
        var (downStatus, down) = await ReadyAsync(client);
        var live = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
        await azurite.StartAgainAsync();
        var (upStatus, up) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, beforeStatus);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("Unhealthy", down["checks"]!["storage"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, upStatus);
        Assert.Equal("Healthy", up["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ready_RubricJudge_ProbesStorageOnly()
    {
        await using var factory = new BotAppFactory();
        using var client = new HttpClient { BaseAddress = factory.BaseAddress };

        var (status, body) = await ReadyAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["storage"], body["checks"]!.AsObject().Select(c => c.Key));
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> ReadyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz/ready", UriKind.Relative));
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
