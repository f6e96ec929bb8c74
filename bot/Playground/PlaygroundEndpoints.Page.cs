using Microsoft.AspNetCore.Http.HttpResults;

namespace ScreeningBot.Bot.Playground;

/// <summary>The page, its two assets, and the read API the page polls for what the bot sent through the connector.</summary>
internal static partial class PlaygroundEndpoints
{
    /// <summary>Longest a read waits for something new (long polling); well under common proxy and browser idle limits.</summary>
    public const int MaxWaitSeconds = 25;

    /// <summary>
    /// Everything the page needs comes from this server; scripts and styles from files only (no inline code, so a message
    /// that somehow reached the DOM as markup still could not run), no frames, no form posts.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    internal static FileContentHttpResult Page(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-cache";
        return TypedResults.Bytes(PlaygroundAssets.Page.Content, PlaygroundAssets.Page.ContentType);
    }

    internal static Results<FileContentHttpResult, NotFound> Asset(string name, HttpContext http)
    {
        if (!PlaygroundAssets.TryGet(name, out var asset))
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    /// <summary>
    /// <c>GET /playground/api/activities?after=N[&amp;conversationId=ID][&amp;wait=S]</c>: activities the bot sent after cursor N,
    /// oldest first, and the next cursor. With <c>wait</c> (seconds, at most <see cref="MaxWaitSeconds"/>) the answer waits
    /// until there is something new or the time is up.
    /// </summary>
    internal static async Task<Results<JsonHttpResult<PlaygroundFeed>, ProblemHttpResult>> ReadActivitiesAsync(
        HttpContext http, PlaygroundConversationStore store, long? after, string? conversationId, int? wait, CancellationToken cancellationToken)
    {
        var cursor = after ?? 0;
        if (cursor < 0)
        {
            return Refuse(http, 400, $"'after' is {cursor}; use 0 for everything, or the 'next' of the previous answer");
        }

        var seconds = wait ?? 0;
        if (seconds is < 0 or > MaxWaitSeconds)
        {
            return Refuse(http, 400, $"'wait' is {seconds}; use 0 to {MaxWaitSeconds} seconds");
        }

        if (conversationId is not null && InvalidId(conversationId, PlaygroundConversationStore.MaxConversationIdLength, "conversation id") is { } problem)
        {
            return Refuse(http, 400, problem);
        }

        try
        {
            await store.WaitForNewerAsync(cursor, TimeSpan.FromSeconds(seconds), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The page went away (reload, closed tab): nobody reads this answer.
        }

        return TypedResults.Json(store.Read(cursor, conversationId), PlaygroundJsonContext.Default.PlaygroundFeed);
    }
}
