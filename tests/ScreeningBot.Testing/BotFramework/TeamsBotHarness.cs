using System.Net.Http.Headers;
using System.Net.Mime;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;

namespace ScreeningBot.Testing.BotFramework;

/// <summary>
/// The real bot (<see cref="BotAppFactory"/>) wired to a <see cref="FakeBotConnector"/>: app registration settings, OpenID
/// metadata and token endpoint point at the fake, the bot's HTTP clients trust the fake's certificate, and
/// <see cref="TeamsUser.Recruiter"/> is a configured recruiter. Posts activities with valid tokens unless told otherwise.
/// </summary>
public sealed class TeamsBotHarness : IAsyncDisposable
{
    public const string AppId = "0b6e4d2a-7c1f-4a55-9f3e-5d2c8a1b9e70";
    public const string AppTenantId = "5f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f";

    private TeamsBotHarness(FakeBotConnector connector, BotAppFactory factory)
    {
        Connector = connector;
        Factory = factory;
        Activities = new TeamsActivities(connector.ServiceUrl, AppId);
        Client = new HttpClient { BaseAddress = factory.BaseAddress };
    }

    public FakeBotConnector Connector { get; }

    public BotAppFactory Factory { get; }

    public TeamsActivities Activities { get; }

    /// <summary>An HTTP client for the bot's loopback address.</summary>
    public HttpClient Client { get; }

    public static async Task<TeamsBotHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null)
    {
        var connector = await FakeBotConnector.StartAsync();
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "test-client-secret",
            ["MicrosoftAppTenantId"] = AppTenantId,
            ["MicrosoftAppType"] = "SingleTenant",
            ["BotFramework:OpenIdMetadataUrl"] = connector.OpenIdMetadataUrl,
            ["BotFramework:EmulatorOpenIdMetadataUrl"] = connector.EmulatorOpenIdMetadataUrl,
            ["BotFramework:AuthorityHost"] = connector.AuthorityHost,
            ["Screening:Recruiters:0"] = TeamsUser.Recruiter.AadObjectId,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new BotAppFactory(all, services =>
        {
            services.ConfigureHttpClientDefaults(client => client.ConfigurePrimaryHttpMessageHandler(connector.CreateTrustingHandler));
            configureServices?.Invoke(services);
        });
        return new TeamsBotHarness(connector, factory);
    }

    /// <summary>A valid Bot Connector token for this bot and the fake's serviceUrl.</summary>
    public string ValidToken() => Connector.CreateToken(AppId);

    /// <summary>POSTs an activity to /api/messages with <paramref name="token"/> (default: a valid one; empty string: no header).</summary>
    public async Task<HttpResponseMessage> PostAsync(JsonNode activity, string? token = null)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return await PostRawAsync(activity.ToJsonString(), token);
    }

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/messages", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeNames.Application.Json),
        };
        token ??= ValidToken();
        if (token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
    }
}
