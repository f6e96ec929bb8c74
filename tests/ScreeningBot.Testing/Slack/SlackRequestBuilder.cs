using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Slack;

namespace ScreeningBot.Testing.Slack;

/// <summary>Requests as Slack sends them (form-encoded slash commands and interactions, JSON events), signed with v0 signatures.</summary>
public sealed class SlackRequestBuilder(string signingSecret, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private int _events;

    /// <summary>The app id Slack puts on every request of the test app (<c>api_app_id</c>).</summary>
    public const string AppId = "A0TEST";

    public HttpRequestMessage Command(string text, string userId, string channelId, Uri responseUrl, string userName = "someone", string teamId = FakeSlackApi.TeamId, string appId = AppId) =>
        Sign(BotRoutes.SlackCommands, Form(
            ("token", "deprecated"), ("team_id", teamId), ("team_domain", "test"), ("channel_id", channelId), ("channel_name", "hiring"),
            ("user_id", userId), ("user_name", userName), ("command", "/screen"), ("text", text), ("api_app_id", appId),
            ("is_enterprise_install", "false"), ("response_url", responseUrl.AbsoluteUri), ("trigger_id", "1.2.3")), "application/x-www-form-urlencoded");

    /// <summary>A <c>message.im</c> delivery; the text is escaped the way Slack escapes it.</summary>
    public HttpRequestMessage DirectMessage(string channelId, string userId, string text, string? eventId = null, string? ts = null, Action<JsonObject>? edit = null, string teamId = FakeSlackApi.TeamId, string appId = AppId)
    {
        var n = Interlocked.Increment(ref _events);
        var ev = new JsonObject
        {
            ["type"] = "message",
            ["channel"] = channelId,
            ["channel_type"] = "im",
            ["user"] = userId,
            ["text"] = text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal),
            ["ts"] = ts ?? $"1800000000.{n:D6}",
            ["event_ts"] = ts ?? $"1800000000.{n:D6}",
            ["client_msg_id"] = Guid.NewGuid().ToString(),
        };
        edit?.Invoke(ev);
        return Event(ev, eventId ?? $"Ev{n:D8}", teamId, appId);
    }

    public HttpRequestMessage Event(JsonObject ev, string eventId, string teamId = FakeSlackApi.TeamId, string appId = AppId) => Sign(BotRoutes.SlackEvents, new JsonObject
    {
        ["token"] = "deprecated",
        ["team_id"] = teamId,
        ["api_app_id"] = appId,
        ["event"] = ev,
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1_800_000_000,
        ["authorizations"] = new JsonArray(new JsonObject { ["team_id"] = teamId, ["user_id"] = FakeSlackApi.BotUserId, ["is_bot"] = true }),
    }.ToJsonString(), "application/json");

    public HttpRequestMessage UrlVerification(string challenge) =>
        Sign(BotRoutes.SlackEvents, new JsonObject { ["token"] = "deprecated", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString(), "application/json");

    /// <summary>
    /// A <c>block_actions</c> click on the button with <paramref name="value"/> in a message the bot posted. Like Slack, its
    /// <c>state.values</c> holds every input block of the message: what <paramref name="typed"/> gives for the input's
    /// <c>action_id</c>, else null (an empty field).
    /// </summary>
    public HttpRequestMessage Click(SlackApiCall postedMessage, string messageTs, string userId, string value, Uri responseUrl, string teamId = FakeSlackApi.TeamId, string appId = AppId, IReadOnlyDictionary<string, string>? typed = null)
    {
        ArgumentNullException.ThrowIfNull(postedMessage);
        var button = postedMessage.Blocks.OfType<JsonObject>()
            .Where(b => (string?)b["type"] == "actions")
            .SelectMany(b => (b["elements"] as JsonArray ?? []).OfType<JsonObject>().Select(e => (Block: b, Button: e)))
            .First(x => (string?)x.Button["value"] == value);
        var channel = postedMessage.Channel!;
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["team"] = new JsonObject { ["id"] = teamId, ["domain"] = "test" },
            ["user"] = new JsonObject { ["id"] = userId, ["username"] = "candidate", ["team_id"] = teamId },
            ["api_app_id"] = appId,
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = channel, ["is_ephemeral"] = false },
            ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "directmessage" },
            ["message"] = new JsonObject { ["type"] = "message", ["ts"] = messageTs, ["text"] = postedMessage.Text, ["blocks"] = postedMessage.Blocks.DeepClone() },
            ["state"] = new JsonObject { ["values"] = StateValues(postedMessage.Blocks, typed) },
            ["response_url"] = responseUrl.AbsoluteUri,
            ["trigger_id"] = "1.2.3",
            ["actions"] = new JsonArray(new JsonObject
            {
                ["type"] = "button",
                ["block_id"] = button.Block["block_id"]?.DeepClone(),
                ["action_id"] = button.Button["action_id"]?.DeepClone(),
                ["text"] = button.Button["text"]?.DeepClone(),
                ["value"] = value,
                ["action_ts"] = "1800000001.000001",
            }),
        };
        return Sign(BotRoutes.SlackInteractions, Form(("payload", payload.ToJsonString())), "application/x-www-form-urlencoded");
    }

    private static JsonObject StateValues(JsonArray blocks, IReadOnlyDictionary<string, string>? typed)
    {
        var values = new JsonObject();
        foreach (var input in blocks.OfType<JsonObject>().Where(b => (string?)b["type"] == "input"))
        {
            var element = input["element"]!.AsObject();
            var actionId = (string)element["action_id"]!;
            values[(string)input["block_id"]!] = new JsonObject
            {
                [actionId] = new JsonObject { ["type"] = element["type"]!.DeepClone(), ["value"] = typed?.GetValueOrDefault(actionId) },
            };
        }

        return values;
    }

    /// <summary>Signs <paramref name="body"/> as Slack would, at <paramref name="timestamp"/> (default: now).</summary>
    public HttpRequestMessage Sign(string path, string body, string contentType, long? timestamp = null, string? secret = null)
    {
        var ts = (timestamp ?? _time.GetUtcNow().ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.Add(SlackRequestSignature.TimestampHeader, ts);
        request.Headers.Add(SlackRequestSignature.SignatureHeader, SlackRequestSignature.Compute(secret ?? signingSecret, ts, bytes));
        return request;
    }

    public static string Form(params (string Name, string Value)[] fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
}
