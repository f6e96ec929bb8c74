using ScreeningBot.Testing;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

/// <summary>The real bot on loopback, configured for Slack against a loopback fake Slack Web API, plus a client that signs like Slack.</summary>
internal sealed class SlackBotHarness : IAsyncDisposable
{
    public const string SigningSecret = "test-signing-secret-0123456789";
    public const string Recruiter = "URITA";
    public const string HiringChannel = "CHIRING";

    private SlackBotHarness(FakeSlackApi slack, BotAppFactory bot)
    {
        Slack = slack;
        Bot = bot;
        Client = new HttpClient { BaseAddress = bot.BaseAddress };
        Requests = new SlackRequestBuilder(SigningSecret);
    }

    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public FakeSlackApi Slack { get; }

    public BotAppFactory Bot { get; }

    public HttpClient Client { get; }

    public SlackRequestBuilder Requests { get; }

    public static async Task<SlackBotHarness> StartAsync(IDictionary<string, string?>? settings = null, Action<Microsoft.Extensions.DependencyInjection.IServiceCollection>? configureServices = null)
    {
        var slack = await FakeSlackApi.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.AbsoluteUri,
            ["Slack:RetryDelay"] = "00:00:00.010",
            ["Slack:TeamIds:0"] = FakeSlackApi.TeamId,
            ["Screening:Recruiters:0"] = Recruiter,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value removes a default (e.g. Slack:TeamIds:0, to serve the bot token's own workspace).
            if (value is null)
            {
                all.Remove(key);
            }
            else
            {
                all[key] = value;
            }
        }

        var bot = new BotAppFactory(all, configureServices);
        _ = bot.BaseAddress;
        return new SlackBotHarness(slack, bot);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            return await Client.SendAsync(request);
        }
    }

    public Task<SlackApiCall> WaitForAsync(Func<SlackApiCall, bool> match, string what) => Slack.WaitForAsync(match, Deadline, what);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Bot.DisposeAsync();
        await Slack.DisposeAsync();
    }
}
