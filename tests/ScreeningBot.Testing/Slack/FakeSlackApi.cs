using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ScreeningBot.Testing.Slack;

/// <summary>
/// A fake Slack Web API on a real loopback socket (Kestrel, 127.0.0.1, random port) speaking Slack's JSON: it records every
/// call (method, JSON body, Authorization header), answers like Slack, and can be told to answer a method's next call with
/// <c>ok:false</c>, a 429 with Retry-After, a 500, or not at all (a slow Slack: the request hangs until the caller gives up).
/// It also serves <c>response_url</c>s (<see cref="ResponseUrl"/>), and remembers the messages it posted, so <c>chat.delete</c>
/// removes one (<c>message_not_found</c> for any other, as Slack answers).
/// </summary>
public sealed class FakeSlackApi : IAsyncDisposable
{
    public const string BotToken = "xoxb-test-token";
    public const string BotUserId = "UBOTSELF";
    public const string BotId = "BBOTSELF";
    public const string TeamId = "T0TEST";

    private readonly WebApplication _app;
    private readonly List<SlackApiCall> _calls = [];
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeSlackAnswer>> _scripted = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeSlackUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string[]> _userGroups = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, string> _postedTs = new();
    private readonly ConcurrentDictionary<(string Channel, string Ts), bool> _messages = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _ts = 1_700_000_000_000_100;

    private FakeSlackApi(WebApplication app) => _app = app;

    /// <summary>Base address of the fake Web API (<c>http://127.0.0.1:port/api/</c>), for <c>Slack:ApiBaseUrl</c>.</summary>
    public Uri ApiBaseUrl { get; private set; } = null!;

    public static async Task<FakeSlackApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlackApi(app);
        app.MapPost("/api/{method}", (string method, HttpContext context) => fake.HandleApiAsync(method, context));
        app.MapPost("/response/{id}", (string id, HttpContext context) => fake.HandleResponseUrlAsync(id, context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.ApiBaseUrl = new Uri(address.TrimEnd('/') + "/api/");
        return fake;
    }

    /// <summary>Every call so far, in arrival order.</summary>
    public IReadOnlyList<SlackApiCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return [.. _calls];
            }
        }
    }

    /// <summary>The <c>ts</c> this fake answered a successful <c>chat.postMessage</c> call with.</summary>
    public string TsOf(SlackApiCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return _postedTs.TryGetValue(call.Sequence, out var ts) ? ts : throw new InvalidOperationException($"Call {call.Sequence} ({call.Method}) was not answered with a ts.");
    }

    /// <summary>A response_url served by this fake; calls to it are recorded with method <c>response_url:{id}</c>.</summary>
    public Uri ResponseUrl(string id) => new(ApiBaseUrl, "/response/" + Uri.EscapeDataString(id));

    public void AddUser(string id, string displayName, bool isBot = false, bool deleted = false) => _users[id] = new FakeSlackUser(id, displayName, isBot, deleted);

    public void SetUserGroup(string groupId, params string[] members) => _userGroups[groupId] = members;

    /// <summary>The next call of <paramref name="method"/> gets <paramref name="answer"/> instead of the normal answer (queued, in order).</summary>
    public void Script(string method, FakeSlackAnswer answer) => _scripted.GetOrAdd(method, _ => new ConcurrentQueue<FakeSlackAnswer>()).Enqueue(answer);

    /// <summary>Waits until a call matching <paramref name="match"/> has been recorded; fails after <paramref name="timeout"/>.</summary>
    public async Task<SlackApiCall> WaitForAsync(Func<SlackApiCall, bool> match, TimeSpan timeout, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(match);
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_calls.FirstOrDefault(match) is { } found)
                {
                    return found;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join(", ", Calls.Select(c => c.Method + (c.Channel is { } ch ? "→" + ch : string.Empty)));
                throw new TimeoutException($"No Slack call matching {what ?? "the condition"} within {timeout.TotalSeconds:0} s. Calls seen: {seen}");
            }
        }
    }

    /// <summary>Waits until <paramref name="count"/> calls match; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<SlackApiCall>> WaitForCountAsync(Func<SlackApiCall, bool> match, int count, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(match);
        var matched = new HashSet<int>();
        await WaitForAsync(c => { if (match(c)) { matched.Add(c.Sequence); } return matched.Count >= count; }, timeout, $"{count} matching calls");
        return [.. Calls.Where(match)];
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private SlackApiCall Record(string method, JsonObject body, string? authorization, string? contentType)
    {
        lock (_gate)
        {
            var call = new SlackApiCall(method, body, authorization, contentType, _calls.Count);
            _calls.Add(call);
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
            return call;
        }
    }

    private async Task<IResult> HandleApiAsync(string method, HttpContext context)
    {
        var body = await ReadJsonAsync(context.Request);
        var call = Record(method, body, context.Request.Headers.Authorization.ToString(), context.Request.ContentType);
        if (_scripted.TryGetValue(method, out var queue) && queue.TryDequeue(out var answer))
        {
            return await ScriptedAsync(answer, context);
        }

        if (context.Request.Headers.Authorization.ToString() != "Bearer " + BotToken)
        {
            return Error("invalid_auth");
        }

        return method switch
        {
            "chat.postMessage" => Posted(Str(body, "channel"), _postedTs.GetOrAdd(call.Sequence, _ => NextTs()), Str(body, "text")),
            "chat.delete" => _messages.TryRemove((Str(body, "channel"), Str(body, "ts")), out _)
                ? Ok(new JsonObject { ["channel"] = Str(body, "channel"), ["ts"] = Str(body, "ts") })
                : Error("message_not_found"),
            "chat.update" => Ok(new JsonObject { ["channel"] = Str(body, "channel"), ["ts"] = Str(body, "ts") }),
            "chat.postEphemeral" => Ok(new JsonObject { ["message_ts"] = NextTs() }),
            "conversations.open" => OpenConversation(Str(body, "users")),
            "users.info" => _users.TryGetValue(Str(body, "user"), out var user) ? Ok(new JsonObject { ["user"] = user.ToJson() }) : Error("user_not_found"),
            "auth.test" => Ok(new JsonObject { ["user_id"] = BotUserId, ["bot_id"] = BotId, ["team_id"] = TeamId, ["user"] = "screener" }),
            "usergroups.users.list" => _userGroups.TryGetValue(Str(body, "usergroup"), out var members)
                ? Ok(new JsonObject { ["users"] = new JsonArray([.. members.Select(m => (JsonNode)m)]) })
                : Error("no_such_subteam"),
            _ => Error("unknown_method"),
        };
    }

    private async Task<IResult> HandleResponseUrlAsync(string id, HttpContext context)
    {
        var body = await ReadJsonAsync(context.Request);
        Record("response_url:" + id, body, context.Request.Headers.Authorization.ToString(), context.Request.ContentType);
        var key = "response_url:" + id;
        if (_scripted.TryGetValue(key, out var queue) && queue.TryDequeue(out var answer))
        {
            return await ScriptedAsync(answer, context);
        }

        return Results.Text("ok", "text/plain");
    }

    /// <summary>True while a message this fake posted in <paramref name="channel"/> with <paramref name="ts"/> has not been deleted.</summary>
    public bool HasMessage(string channel, string ts) => _messages.ContainsKey((channel, ts));

    private IResult Posted(string channel, string ts, string text)
    {
        _messages[(channel, ts)] = true;
        return Ok(new JsonObject { ["channel"] = channel, ["ts"] = ts, ["message"] = new JsonObject { ["text"] = text } });
    }

    private IResult OpenConversation(string users)
    {
        if (!_users.TryGetValue(users, out var user))
        {
            return Error("user_not_found");
        }

        return user.IsBot ? Error("cannot_dm_bot") : Ok(new JsonObject { ["channel"] = new JsonObject { ["id"] = DirectMessageChannel(users) } });
    }

    /// <summary>The DM channel id the fake opens for a user.</summary>
    public static string DirectMessageChannel(string userId) => "D" + userId;

    private static async Task<IResult> ScriptedAsync(FakeSlackAnswer answer, HttpContext context)
    {
        switch (answer.Kind)
        {
            case FakeSlackAnswerKind.Error:
                return Error(answer.Error ?? "fatal_error");
            case FakeSlackAnswerKind.RateLimited:
                context.Response.Headers.RetryAfter = answer.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return Results.Json(new JsonObject { ["ok"] = false, ["error"] = "ratelimited" }, statusCode: (int)HttpStatusCode.TooManyRequests);
            case FakeSlackAnswerKind.ServerError:
                return Results.Text("upstream error", "text/plain", statusCode: 500);
            default:
                // A slow Slack: answer nothing until the caller gives up and closes the connection.
                var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                await using (context.RequestAborted.Register(() => aborted.TrySetResult()))
                {
                    await aborted.Task;
                }

                return Results.Empty;
        }
    }

    private string NextTs()
    {
        var value = Interlocked.Increment(ref _ts);
        return (value / 1_000_000).ToString(CultureInfo.InvariantCulture) + "." + (value % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static IResult Ok(JsonObject body)
    {
        body["ok"] = true;
        return Results.Text(body.ToJsonString(), "application/json");
    }

    private static IResult Error(string code) => Results.Text(new JsonObject { ["ok"] = false, ["error"] = code }.ToJsonString(), "application/json");

    private static string Str(JsonObject body, string name) => body[name]?.GetValue<string>() ?? string.Empty;

    private static async Task<JsonObject> ReadJsonAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync();
        try
        {
            return JsonNode.Parse(text.Length == 0 ? "{}" : text) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return new JsonObject { ["__unparsed"] = text };
        }
    }

    private sealed record FakeSlackUser(string Id, string DisplayName, bool IsBot, bool Deleted)
    {
        public JsonObject ToJson() => new()
        {
            ["id"] = Id,
            ["team_id"] = TeamId,
            ["name"] = DisplayName.ToLowerInvariant().Replace(' ', '.'),
            ["real_name"] = DisplayName,
            ["deleted"] = Deleted,
            ["is_bot"] = IsBot,
            ["profile"] = new JsonObject { ["display_name"] = DisplayName, ["real_name"] = DisplayName },
        };
    }
}

/// <summary>One recorded call: the method (or <c>response_url:{id}</c>), its JSON body and headers, and its position.</summary>
public sealed record SlackApiCall(string Method, JsonObject Body, string? Authorization, string? ContentType, int Sequence)
{
    public string? Channel => Body["channel"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    public string Text => Body["text"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : string.Empty;

    public JsonArray Blocks => Body["blocks"] as JsonArray ?? [];

    /// <summary>All mrkdwn/plain text in the blocks, joined (for assertions).</summary>
    public string BlockText => string.Join("\n", Blocks.SelectMany(Strings));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.Where(p => p.Key is "text" or "elements" or "fields").SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}

public enum FakeSlackAnswerKind
{
    Error,
    RateLimited,
    ServerError,
    Hang,
}

/// <summary>A scripted answer for one call.</summary>
public sealed record FakeSlackAnswer(FakeSlackAnswerKind Kind, string? Error = null, int RetryAfterSeconds = 1)
{
    public static FakeSlackAnswer Fails(string error) => new(FakeSlackAnswerKind.Error, error);

    public static FakeSlackAnswer RateLimited(int retryAfterSeconds) => new(FakeSlackAnswerKind.RateLimited, RetryAfterSeconds: retryAfterSeconds);

    public static FakeSlackAnswer ServerError { get; } = new(FakeSlackAnswerKind.ServerError);

    public static FakeSlackAnswer Hang { get; } = new(FakeSlackAnswerKind.Hang);
}
