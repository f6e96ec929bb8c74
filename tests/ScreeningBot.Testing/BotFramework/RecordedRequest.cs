using System.Text.Json.Nodes;

namespace ScreeningBot.Testing.BotFramework;

/// <summary>One request the bot made to <see cref="FakeBotConnector"/>, as it arrived on the wire.</summary>
/// <param name="Operation"><c>createConversation</c>, <c>send</c>, <c>reply</c>, <c>update</c> or <c>token</c>.</param>
/// <param name="ConversationId">Unescaped conversation id from the path (null for createConversation and token).</param>
/// <param name="Body">The JSON body (null for the form-encoded token request).</param>
public sealed record RecordedRequest(
    string Operation,
    string Method,
    string Path,
    string? ConversationId,
    string? ActivityId,
    string? Authorization,
    JsonNode? Body,
    IReadOnlyDictionary<string, string> Form,
    DateTimeOffset At)
{
    /// <summary>The activity sent: the body of send/reply/update, or the <c>activity</c> of a createConversation.</summary>
    public JsonNode? Activity => Operation == "createConversation" ? Body?["activity"] : Body;

    public string? ActivityType => Activity?["type"]?.GetValue<string>();

    public string? Text => Activity?["text"]?.GetValue<string>();

    public string? InputHint => Activity?["inputHint"]?.GetValue<string>();

    /// <summary>The first Adaptive Card attached to <see cref="Activity"/>, if any.</summary>
    public JsonObject? Card => Activity?["attachments"]?.AsArray()
        .FirstOrDefault(a => a?["contentType"]?.GetValue<string>() == "application/vnd.microsoft.card.adaptive")?["content"]?.AsObject();
}
