using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Rendering;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// The few Slack Web API methods the screener calls, over the named <see cref="HttpClient"/> from IHttpClientFactory with
/// the standard resilience handler (see <see cref="SlackServiceCollectionExtensions"/>). JSON bodies, bearer bot token;
/// <c>ok: false</c>, a final 429 and timeouts all become <see cref="SlackApiException"/> carrying the error code.
/// </summary>
/// <remarks>
/// Retries: a 429 is always retried after its Retry-After (Slack did not run the call). Other transient failures
/// (5xx, timeouts, broken connections) are retried only for methods that are safe to repeat; <c>chat.postMessage</c>,
/// <c>chat.postEphemeral</c> and <c>response_url</c> posts are not, because the first attempt may have posted already
/// and a retry would post the message twice.
/// </remarks>
internal sealed class SlackWebApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, ILogger<SlackWebApiClient> logger)
{
    /// <summary>Every Web API method this client calls, with the bot scope it needs (null: none). The Slack manifest test checks the manifest against it.</summary>
    public static IReadOnlyDictionary<string, string?> MethodScopes { get; } = new Dictionary<string, string?>(StringComparer.Ordinal)
    {
        [Methods.PostMessage] = "chat:write",
        [Methods.Update] = "chat:write",
        [Methods.Delete] = "chat:write",
        [Methods.PostEphemeral] = "chat:write",
        [Methods.ConversationsOpen] = "im:write",
        [Methods.UsersInfo] = "users:read",
        [Methods.AuthTest] = null,
        [Methods.UserGroupUsersList] = "usergroups:read",
    };

    /// <summary>Marks a request that may be repeated without a visible effect (read by the retry predicate).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("ScreeningBot.Slack.RetrySafe");

    /// <summary>Pseudo-method name used in errors and logs for posts to a <c>response_url</c>.</summary>
    public const string ResponseUrlMethod = "response_url";

    /// <summary>Largest Web API answer read; users.info and postMessage answers are a few kB.</summary>
    private const int MaxResponseBytes = 1024 * 1024;

    private static readonly HashSet<string> RepeatableMethods = new(StringComparer.Ordinal)
    {
        Methods.Update, Methods.Delete, Methods.ConversationsOpen, Methods.UsersInfo, Methods.AuthTest, Methods.UserGroupUsersList,
    };

    /// <summary>Posts a message; returns the channel and the message's <c>ts</c>.</summary>
    public async Task<SlackPostMessageResponse> PostMessageAsync(string channel, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentNullException.ThrowIfNull(message);
        var body = message.ToJson();
        body["channel"] = channel;
        body["unfurl_links"] = false;
        body["unfurl_media"] = false;
        return await CallAsync(Methods.PostMessage, body, SlackJsonContext.Default.SlackPostMessageResponse, cancellationToken);
    }

    public async Task UpdateMessageAsync(string channel, string ts, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        ArgumentNullException.ThrowIfNull(message);
        var body = message.ToJson();
        body["channel"] = channel;
        body["ts"] = ts;
        await CallAsync(Methods.Update, body, SlackJsonContext.Default.SlackResponse, cancellationToken);
    }

    /// <summary>Deletes a message the bot posted (<c>chat.delete</c>; a repeat answers <c>message_not_found</c>, so it is safe to retry).</summary>
    public async Task DeleteMessageAsync(string channel, string ts, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(ts);
        await CallAsync(Methods.Delete, new JsonObject { ["channel"] = channel, ["ts"] = ts }, SlackJsonContext.Default.SlackResponse, cancellationToken);
    }

    /// <summary>Shows a message only to <paramref name="user"/> in <paramref name="channel"/>.</summary>
    public async Task PostEphemeralAsync(string channel, string user, SlackMessage message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(channel);
        ArgumentException.ThrowIfNullOrEmpty(user);
        ArgumentNullException.ThrowIfNull(message);
        var body = message.ToJson();
        body["channel"] = channel;
        body["user"] = user;
        await CallAsync(Methods.PostEphemeral, body, SlackJsonContext.Default.SlackPostEphemeralResponse, cancellationToken);
    }

    /// <summary>Opens (or finds) the DM with one user; returns its channel id (<c>D…</c>).</summary>
    public async Task<string> OpenDirectMessageAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var response = await CallAsync(Methods.ConversationsOpen, new JsonObject { ["users"] = userId }, SlackJsonContext.Default.SlackConversationsOpenResponse, cancellationToken);
        return response.Channel?.Id is { Length: > 0 } id ? id : throw new SlackApiException(Methods.ConversationsOpen, SlackErrorCode.InvalidResponse);
    }

    public async Task<SlackUser> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userId);
        var response = await CallAsync(Methods.UsersInfo, new JsonObject { ["user"] = userId }, SlackJsonContext.Default.SlackUsersInfoResponse, cancellationToken);
        return response.User ?? throw new SlackApiException(Methods.UsersInfo, SlackErrorCode.InvalidResponse);
    }

    /// <summary>Who the bot token belongs to (the bot's own user and bot ids, to ignore our own messages).</summary>
    public Task<SlackAuthTestResponse> AuthTestAsync(CancellationToken cancellationToken) =>
        CallAsync(Methods.AuthTest, new JsonObject(), SlackJsonContext.Default.SlackAuthTestResponse, cancellationToken);

    /// <summary>Member user ids of a user group (<c>S…</c>).</summary>
    public async Task<IReadOnlyList<string>> ListUserGroupMembersAsync(string userGroupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(userGroupId);
        var response = await CallAsync(Methods.UserGroupUsersList, new JsonObject { ["usergroup"] = userGroupId }, SlackJsonContext.Default.SlackUserGroupUsersResponse, cancellationToken);
        return response.Users ?? [];
    }

    /// <summary>
    /// Answers a slash command or an interaction later through its <c>response_url</c> (no token needed; at most 5 times in
    /// 30 minutes). Only Slack's own https hosts are accepted (or the configured API host, for tests).
    /// </summary>
    public async Task RespondAsync(Uri responseUrl, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        ArgumentNullException.ThrowIfNull(message);
        if (!IsAllowedResponseUrl(responseUrl))
        {
            throw new SlackApiException(ResponseUrlMethod, new SlackErrorCode("untrusted_response_url"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, responseUrl) { Content = Json(message) };
        request.Options.Set(RetrySafe, false);
        using var response = await SendAsync(ResponseUrlMethod, request, cancellationToken);
        var text = await ReadBoundedAsync(response, cancellationToken);

        // response_url answers "ok" as text, or JSON {"ok":false,"error":"expired_url"} when it can no longer be used.
        if (text.StartsWith('{') && Deserialize(text, SlackJsonContext.Default.SlackResponse) is { Ok: false } failed)
        {
            throw Failed(ResponseUrlMethod, failed.Error);
        }
    }

    /// <summary>True for <c>https://hooks.slack.com/…</c> and other <c>*.slack.com</c> hosts, and for the configured API host.</summary>
    public bool IsAllowedResponseUrl(Uri responseUrl)
    {
        ArgumentNullException.ThrowIfNull(responseUrl);
        if (!responseUrl.IsAbsoluteUri)
        {
            return false;
        }

        var api = options.Value.ApiBase;
        return (responseUrl.Scheme == Uri.UriSchemeHttps && (responseUrl.Host == "slack.com" || responseUrl.Host.EndsWith(".slack.com", StringComparison.OrdinalIgnoreCase)))
            || (responseUrl.Scheme == api.Scheme && string.Equals(responseUrl.Authority, api.Authority, StringComparison.OrdinalIgnoreCase));
    }

    private async Task<T> CallAsync<T>(string method, JsonObject body, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : SlackResponse
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.BotToken))
        {
            throw new SlackApiException(method, SlackErrorCode.NotAuthed, new InvalidOperationException("Slack:BotToken is not set; set Slack__BotToken to the app's xoxb- token."));
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBase, method)) { Content = Json(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.BotToken);
        request.Options.Set(RetrySafe, RepeatableMethods.Contains(method));
        using var response = await SendAsync(method, request, cancellationToken);
        var text = await ReadBoundedAsync(response, cancellationToken);
        var result = Deserialize(text, typeInfo) ?? throw new SlackApiException(method, SlackErrorCode.InvalidResponse);
        if (!result.Ok)
        {
            throw Failed(method, result.Error);
        }

        if (result.Warning is { Length: > 0 } warning)
        {
            SlackLog.ApiWarning(logger, method, warning);
        }

        return result;
    }

    private async Task<HttpResponseMessage> SendAsync(string method, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            // A client per call from the factory (cheap): this singleton never pins one handler and its DNS for ever.
            var http = httpClients.CreateClient(SlackServiceCollectionExtensions.HttpClientName);
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (TimeoutRejectedException e)
        {
            SlackLog.ApiFailed(logger, method, SlackErrorCode.Timeout.Value, e);
            throw new SlackApiException(method, SlackErrorCode.Timeout, e);
        }
        catch (HttpRequestException e)
        {
            SlackLog.ApiFailed(logger, method, SlackErrorCode.HttpError.Value, e);
            throw new SlackApiException(method, SlackErrorCode.HttpError, e);
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta;
            response.Dispose();
            SlackLog.ApiFailed(logger, method, SlackErrorCode.RateLimited.Value, null);
            throw new SlackApiException(method, SlackErrorCode.RateLimited) { RetryAfter = retryAfter };
        }

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            response.Dispose();
            var code = new SlackErrorCode($"http_{status}");
            SlackLog.ApiFailed(logger, method, code.Value, null);
            throw new SlackApiException(method, code);
        }

        return response;
    }

    private SlackApiException Failed(string method, string? error)
    {
        var code = string.IsNullOrWhiteSpace(error) ? new SlackErrorCode("unknown_error") : new SlackErrorCode(error.Length > 100 ? error[..100] : error);
        SlackLog.ApiFailed(logger, method, code.Value, null);
        return new SlackApiException(method, code);
    }

    private static async Task<string> ReadBoundedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var body = await BoundedBody.ReadAsync(stream, response.Content.Headers.ContentLength, MaxResponseBytes, cancellationToken)
            ?? throw new SlackApiException("response", SlackErrorCode.InvalidResponse);
        return Encoding.UTF8.GetString(body);
    }

    private static T? Deserialize<T>(string text, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), Encoding.UTF8, "application/json");

    /// <summary>Web API method names.</summary>
    public static class Methods
    {
        public const string PostMessage = "chat.postMessage";
        public const string Update = "chat.update";
        public const string Delete = "chat.delete";
        public const string PostEphemeral = "chat.postEphemeral";
        public const string ConversationsOpen = "conversations.open";
        public const string UsersInfo = "users.info";
        public const string AuthTest = "auth.test";
        public const string UserGroupUsersList = "usergroups.users.list";
    }
}
