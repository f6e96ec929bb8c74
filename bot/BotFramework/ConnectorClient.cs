using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The Bot Connector REST API (docs/channels.md): send, reply, update, delete, create conversation. Every call carries an MSAL
/// token (when authentication is on), goes through the resilient <see cref="BotFrameworkHttpClients.Connector"/>
/// client (retries per <see cref="ConnectorRetryPolicy"/>), and only ever reaches a serviceUrl in
/// <see cref="TrustedServiceUrls"/>. Failures become <see cref="ConnectorException"/>, logged with the
/// <c>X-Correlating-OperationId</c> the connector returns. Thread-safe singleton.
/// </summary>
internal sealed class ConnectorClient(
    IHttpClientFactory httpClients,
    BotTokenProvider tokens,
    TrustedServiceUrls trusted,
    ILogger<ConnectorClient> logger)
{
    /// <summary>Longest error body read from the connector (it is logged only by code).</summary>
    private const int MaxErrorBodyBytes = 16 * 1024;

    private const string CorrelationHeader = "X-Correlating-OperationId";

    public Task<ResourceResponse?> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, BotFrameworkJsonContext.Default.Activity, BotFrameworkJsonContext.Default.ResourceResponse, "send to conversation", cancellationToken);

    public Task<ResourceResponse?> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, BotFrameworkJsonContext.Default.Activity, BotFrameworkJsonContext.Default.ResourceResponse, "reply to activity", cancellationToken);

    public Task<ResourceResponse?> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, BotFrameworkJsonContext.Default.Activity, BotFrameworkJsonContext.Default.ResourceResponse, "update activity", cancellationToken);

    /// <summary><c>DELETE v3/conversations/{id}/activities/{activityId}</c>: the connector answers with a status only.</summary>
    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync<Activity, ResourceResponse>(HttpMethod.Delete, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", null, BotFrameworkJsonContext.Default.Activity, BotFrameworkJsonContext.Default.ResourceResponse, "delete activity", cancellationToken);

    public Task<ConversationResourceResponse?> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Post, serviceUrl, "v3/conversations", parameters, BotFrameworkJsonContext.Default.ConversationParameters, BotFrameworkJsonContext.Default.ConversationResourceResponse, "create conversation", cancellationToken);

    private async Task<TResult?> SendAsync<TBody, TResult>(
        HttpMethod method,
        string serviceUrl,
        string path,
        TBody? body,
        JsonTypeInfo<TBody> bodyType,
        JsonTypeInfo<TResult> resultType,
        string operation,
        CancellationToken cancellationToken)
        where TResult : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceUrl);
        if (!trusted.IsTrusted(serviceUrl))
        {
            BotFrameworkLog.UntrustedServiceUrl(logger, serviceUrl);
            throw new UntrustedServiceUrlException($"The serviceUrl '{serviceUrl}' did not arrive on an authenticated activity, so the bot does not call it.");
        }

        // Join, don't replace: Teams serviceUrls can carry a path (e.g. .../amer/<guid>/).
        var uri = new Uri(new Uri(serviceUrl.TrimEnd('/') + "/"), path);
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body, bodyType) };
        if (await tokens.GetTokenAsync(cancellationToken) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await httpClients.CreateClient(BotFrameworkHttpClients.Connector).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var correlationId = response.Headers.TryGetValues(CorrelationHeader, out var values) ? values.FirstOrDefault() : null;
        if (!response.IsSuccessStatusCode)
        {
            var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
            BotFrameworkLog.ConnectorCallFailed(logger, (int)response.StatusCode, errorCode, operation, serviceUrl, correlationId);
            throw new ConnectorException(response.StatusCode, errorCode, operation, correlationId);
        }

        if (response.Content.Headers.ContentLength == 0)
        {
            return null;
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(resultType, cancellationToken);
        }
        catch (JsonException)
        {
            // Success without a readable body (some channels answer 200 with nothing): the call worked, there is just no id.
            return null;
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[MaxErrorBodyBytes];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
            }

            var error = JsonSerializer.Deserialize(buffer.AsSpan(0, length), BotFrameworkJsonContext.Default.ConnectorErrorResponse);
            return error?.Error?.Code is { Length: > 0 and <= 100 } code ? code : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);
}
