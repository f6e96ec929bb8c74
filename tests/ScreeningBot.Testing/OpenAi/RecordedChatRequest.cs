using System.Text.Json.Nodes;

namespace ScreeningBot.Testing.OpenAi;

/// <summary>One request <see cref="OpenAiTestServer"/> received, as it came over the wire.</summary>
public sealed record RecordedChatRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, string Body)
{
    private readonly TaskCompletionSource _handled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set when the client disconnected before the server answered (a stall it gave up on).</summary>
    public bool ClientGaveUp { get; private set; }

    /// <summary>Completes when the server has finished with this request: answered it, or seen the client give up.</summary>
    public Task Handled => _handled.Task;

    internal void Finish(bool clientGaveUp)
    {
        ClientGaveUp = clientGaveUp;
        _handled.TrySetResult();
    }

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request body is JSON null.");

    /// <summary>The name of the JSON schema the client asked for (<c>LlmVerdict</c> for a judgment, <c>LlmNarrative</c> for a scorecard narrative).</summary>
    public string? SchemaName => (string?)Json["response_format"]?["json_schema"]?["name"];

    public bool IsJudgment => SchemaName == "LlmVerdict";

    public bool IsNarrative => SchemaName == "LlmNarrative";

    /// <summary>The knowledge areas a judgment request lists in its system message (empty for other requests).</summary>
    public IReadOnlyList<string> KnowledgeAreas =>
        MessageText("system").Split("## Knowledge areas a complete answer covers\n") is [_, var rest, ..]
            ? [.. rest.Split("\n\n")[0].Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..])]
            : [];

    /// <summary>The <c>content</c> of every message with <paramref name="role"/>, joined.</summary>
    public string MessageText(string role) =>
        string.Join("\n", (Json["messages"]?.AsArray() ?? []).Where(m => (string?)m?["role"] == role).Select(m => Content(m!["content"])));

    private static string Content(JsonNode? content) => content switch
    {
        JsonValue value => (string?)value ?? string.Empty,
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? string.Empty)),
        _ => string.Empty,
    };
}
