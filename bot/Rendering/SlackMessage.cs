using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.Rendering;

/// <summary>One Slack message: top-level <c>text</c> (always sent: notifications and screen readers use it) and Block Kit blocks.</summary>
internal sealed record SlackMessage(string Text, JsonArray Blocks)
{
    /// <summary>Post as a reply in this thread (continuation of a long scorecard).</summary>
    public string? ThreadTs { get; init; }

    /// <summary>The message as a <c>chat.postMessage</c>/<c>response_url</c> body (a fresh copy each call).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["text"] = Text, ["blocks"] = Blocks.DeepClone() };
        if (ThreadTs is { } thread)
        {
            json["thread_ts"] = thread;
        }

        return json;
    }
}
