using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// The connector stand-in: the Bot Connector REST shapes (create conversation, send to conversation, reply to activity, delete activity;
/// docs/channels.md), storing what the bot sends in <see cref="PlaygroundConversationStore"/>. Bodies are JSON only (a browser
/// cannot post JSON across origins without a preflight this server never answers), bounded by
/// <see cref="PlaygroundOptions.MaxBodyBytes"/>, and checked like any input from outside.
/// </summary>
internal static partial class PlaygroundEndpoints
{
    /// <summary>Most members in one created conversation.</summary>
    public const int MaxMembers = 50;

    internal static async Task<Results<JsonHttpResult<PlaygroundResourceResponse>, ProblemHttpResult>> CreateConversationAsync(
        HttpContext http, PlaygroundConversationStore store, IOptions<PlaygroundOptions> options, CancellationToken cancellationToken)
    {
        var (parameters, problem) = await ReadJsonAsync(http, options.Value.MaxBodyBytes, PlaygroundJsonContext.Default.PlaygroundConversationParameters, "ConversationParameters", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var members = parameters!.Members ?? [];
        if (members.Count is 0 or > MaxMembers)
        {
            return Refuse(http, 400, $"'members' lists {members.Count} accounts; a conversation needs 1 to {MaxMembers}");
        }

        if (!parameters.IsGroup && members.Count != 1)
        {
            return Refuse(http, 400, $"a 1:1 conversation ('isGroup': false) has exactly one member, not {members.Count}");
        }

        var ids = new List<string>(members.Count);
        foreach (var member in members)
        {
            if (InvalidId(member.Id, PlaygroundConversationStore.MaxMemberIdLength, "member id") is { } reason)
            {
                return Refuse(http, 400, reason);
            }

            ids.Add(member.Id!);
        }

        if (parameters.Activity is { } first && InvalidActivity(first) is { } activityProblem)
        {
            return Refuse(http, 400, activityProblem);
        }

        var conversation = store.Open(parameters.IsGroup, ids);
        var activityId = parameters.Activity is { } initial ? store.Append(conversation.Id, initial).ActivityId : null;
        return TypedResults.Json(new PlaygroundResourceResponse(conversation.Id, activityId), PlaygroundJsonContext.Default.PlaygroundResourceResponse);
    }

    internal static Task<Results<JsonHttpResult<PlaygroundResourceResponse>, ProblemHttpResult>> SendToConversationAsync(
        string conversationId, HttpContext http, PlaygroundConversationStore store, IOptions<PlaygroundOptions> options, CancellationToken cancellationToken) =>
        StoreActivityAsync(conversationId, null, http, store, options.Value, cancellationToken);

    internal static Task<Results<JsonHttpResult<PlaygroundResourceResponse>, ProblemHttpResult>> ReplyToActivityAsync(
        string conversationId, string activityId, HttpContext http, PlaygroundConversationStore store, IOptions<PlaygroundOptions> options, CancellationToken cancellationToken) =>
        StoreActivityAsync(conversationId, activityId, http, store, options.Value, cancellationToken);

    /// <summary><c>DELETE …/activities/{activityId}</c>: removes what the bot posted (erasure); 404 for an activity the store does not hold.</summary>
    internal static Results<Ok, ProblemHttpResult> DeleteActivity(string conversationId, string activityId, HttpContext http, PlaygroundConversationStore store)
    {
        var idProblem = InvalidId(conversationId, PlaygroundConversationStore.MaxConversationIdLength, "conversation id")
            ?? InvalidId(activityId, PlaygroundConversationStore.MaxConversationIdLength, "activity id");
        if (idProblem is not null)
        {
            return Refuse(http, 400, idProblem);
        }

        return store.Delete(conversationId, activityId)
            ? TypedResults.Ok()
            : Refuse(http, 404, $"no activity '{activityId}' in conversation '{conversationId}' (ActivityNotFoundInConversation)");
    }

    private static async Task<Results<JsonHttpResult<PlaygroundResourceResponse>, ProblemHttpResult>> StoreActivityAsync(
        string conversationId, string? replyToId, HttpContext http, PlaygroundConversationStore store, PlaygroundOptions options, CancellationToken cancellationToken)
    {
        var idProblem = InvalidId(conversationId, PlaygroundConversationStore.MaxConversationIdLength, "conversation id")
            ?? (replyToId is null ? null : InvalidId(replyToId, PlaygroundConversationStore.MaxConversationIdLength, "activity id"));
        if (idProblem is not null)
        {
            return Refuse(http, 400, idProblem);
        }

        var (activity, problem) = await ReadJsonAsync(http, options.MaxBodyBytes, PlaygroundJsonContext.Default.JsonObject, "Activity", cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (InvalidActivity(activity!) is { } activityProblem)
        {
            return Refuse(http, 400, activityProblem);
        }

        var entry = store.Append(conversationId, activity!, replyToId);
        return TypedResults.Json(new PlaygroundResourceResponse(entry.ActivityId), PlaygroundJsonContext.Default.PlaygroundResourceResponse);
    }

    private static string? InvalidActivity(JsonObject activity) =>
        activity["type"] is JsonValue type && type.TryGetValue<string>(out var value) && !string.IsNullOrWhiteSpace(value) ? null : "the activity has no 'type'";

    private static string? InvalidId(string? id, int maxLength, string what) =>
        string.IsNullOrWhiteSpace(id) ? $"the {what} is empty"
        : id.Length > maxLength ? $"the {what} is {id.Length} characters long; at most {maxLength} are accepted"
        : id.Any(char.IsControl) ? $"the {what} contains control characters"
        : null;

    private static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext http, int maxBytes, JsonTypeInfo<T> type, string what, CancellationToken cancellationToken)
        where T : class
    {
        if (!http.Request.HasJsonContentType())
        {
            return (null, Refuse(http, 415, $"the body must be JSON (Content-Type: application/json), a {what} as the Bot Connector takes it"));
        }

        var body = await BoundedBody.ReadAsync(http.Request.Body, http.Request.ContentLength, maxBytes, cancellationToken);
        if (body is null)
        {
            return (null, Refuse(http, 413, $"the body is larger than {maxBytes} bytes (Playground:MaxBodyBytes)"));
        }

        try
        {
            return JsonSerializer.Deserialize(body, type) is { } value
                ? (value, null)
                : (null, Refuse(http, 400, $"the body is not a {what} object"));
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 0 } path ? $" at {path}" : string.Empty;
            return (null, Refuse(http, 400, $"the body is not a valid {what}{where}: {Shorten(e.Message)}"));
        }
    }

    private static string Shorten(string message) => message.Length <= 200 ? message : message[..200] + "…";
}
