using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Playground;

namespace ScreeningBot.Testing.Playground;

/// <summary>
/// The real bot with the playground on (no app id, loopback), driven the way the playground page drives it: activities with
/// <c>channelId: "playground"</c> posted to <c>/api/messages</c> with <c>expectReplies</c>, and the connector stand-in's feed
/// read back through <c>/playground/api/activities</c> with long polling (no sleeps).
/// </summary>
public sealed class PlaygroundBot : IAsyncDisposable
{
    public const string ChannelConversationId = "playground:hiring";
    public const string RecruiterId = "recruiter:you";
    public const string BotId = "bot:screener";

    private int _next;

    private PlaygroundBot(BotAppFactory factory)
    {
        Factory = factory;
        Client = new HttpClient { BaseAddress = factory.BaseAddress };
    }

    public BotAppFactory Factory { get; }

    /// <summary>An HTTP client for the bot's loopback address.</summary>
    public HttpClient Client { get; }

    /// <summary>What the page puts on its activities: this server's connector stand-in.</summary>
    public string ServiceUrl => new Uri(Factory.BaseAddress, PlaygroundEndpoints.Prefix + "/").ToString();

    public static PlaygroundBot Start(IDictionary<string, string?>? settings = null) => new(new BotAppFactory(settings));

    /// <summary>The account id the page gives a candidate called <paramref name="name"/>.</summary>
    public static string CandidateId(string name) => "candidate:" + name.ToLowerInvariant().Replace(' ', '-');

    /// <summary>The stable 1:1 conversation the connector stand-in opens for <paramref name="name"/>.</summary>
    public static string PersonalConversationId(string name) => PlaygroundConversationStore.PersonalPrefix + CandidateId(name);

    /// <summary>A recruiter command in the channel; each <c>@Name</c> in <paramref name="mentioned"/> becomes a Teams-style mention.</summary>
    public JsonObject Command(string text, params string[] mentioned)
    {
        var entities = new JsonArray();
        foreach (var name in mentioned)
        {
            var tag = $"<at>{name}</at>";
            text = text.Replace("@" + name, tag, StringComparison.Ordinal);
            entities.Add(new JsonObject { ["type"] = "mention", ["text"] = tag, ["mentioned"] = new JsonObject { ["id"] = CandidateId(name), ["name"] = name } });
        }

        var activity = Base(RecruiterId, "Recruiter (you)", new JsonObject { ["id"] = ChannelConversationId, ["isGroup"] = true, ["conversationType"] = "channel" });
        activity["text"] = text;
        activity["entities"] = entities;
        return activity;
    }

    /// <summary>What the candidate typed in their 1:1 chat.</summary>
    public JsonObject Answer(string candidate, string text)
    {
        var activity = Personal(candidate);
        activity["text"] = text;
        return activity;
    }

    /// <summary>A click on an Action.Submit button: <c>value</c> is the button's data, no text (as Web Chat sends it).</summary>
    public JsonObject Click(string candidate, JsonNode data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var activity = Personal(candidate);
        activity["value"] = data.DeepClone();
        return activity;
    }

    /// <summary>Posts an activity and returns the replies from the response body; fails unless the bot answers 200.</summary>
    public async Task<IReadOnlyList<JsonObject>> SendAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        using var response = await Client.PostAsJsonAsync("/api/messages", activity);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"POST /api/messages answered {(int)response.StatusCode}: {body}");
        }

        return [.. JsonNode.Parse(body)!["activities"]!.AsArray().Select(a => a!.AsObject())];
    }

    /// <summary><c>GET /playground/api/activities</c> as the page calls it.</summary>
    public async Task<JsonObject> FeedAsync(long after = 0, string? conversationId = null, int wait = 0)
    {
        var query = $"{PlaygroundEndpoints.ActivitiesApi}?after={after.ToString(CultureInfo.InvariantCulture)}&wait={wait.ToString(CultureInfo.InvariantCulture)}"
            + (conversationId is null ? string.Empty : "&conversationId=" + Uri.EscapeDataString(conversationId));
        using var response = await Client.GetAsync(new Uri(query, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new HttpRequestException($"GET {query} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>
    /// Long-polls the feed until an activity in <paramref name="conversationId"/> matches, and returns it. Each read waits on the
    /// server until something new arrives, so this neither sleeps nor spins.
    /// </summary>
    public async Task<JsonObject> WaitForActivityAsync(string conversationId, Func<JsonObject, bool> match, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        long after = 0;
        var seen = new List<string>();
        while (!deadline.IsCancellationRequested)
        {
            var feed = await FeedAsync(after, conversationId, wait: 5);
            foreach (var item in feed["activities"]!.AsArray())
            {
                var activity = item!["activity"]!.AsObject();
                if (match(activity))
                {
                    return activity;
                }

                seen.Add(activity["text"]?.GetValue<string>() ?? "(no text)");
            }

            after = feed["next"]!.GetValue<long>();
        }

        throw new TimeoutException($"Timed out waiting for {what} in {conversationId}. Seen there:\n  {string.Join("\n  ", seen)}");
    }

    private JsonObject Personal(string candidate) =>
        Base(CandidateId(candidate), candidate, new JsonObject { ["id"] = PersonalConversationId(candidate), ["isGroup"] = false, ["conversationType"] = "personal" });

    private JsonObject Base(string fromId, string fromName, JsonObject conversation) => new()
    {
        ["type"] = "message",
        ["id"] = "pg-test-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8],
        ["timestamp"] = "2026-03-02T10:00:00.000Z",
        ["channelId"] = PlaygroundChannel.Id,
        ["serviceUrl"] = ServiceUrl,
        ["from"] = new JsonObject { ["id"] = fromId, ["name"] = fromName },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "Screener" },
        ["conversation"] = conversation,
        ["locale"] = "en-US",
        ["deliveryMode"] = "expectReplies",
    };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
