using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>A fake channel's way back for one turn: records, in order, what the host sent. Thread-safe, for turns run on the queue.</summary>
internal sealed class RecordingTurnReplies(bool buffered = false) : ITurnReplies
{
    private readonly Lock _gate = new();
    private readonly List<string> _sent = [];

    public bool Buffered => buffered;

    public bool SupportsTyping => !buffered;

    /// <summary>What was sent, one line each: <c>reply: …</c>, <c>command: …</c>, <c>notice: …</c>, <c>typing</c>, <c>answered</c>.</summary>
    public IReadOnlyList<string> Sent
    {
        get
        {
            lock (_gate)
            {
                return [.. _sent];
            }
        }
    }

    /// <summary>The texts of the replies (dialog replies, command answers and notices), in order.</summary>
    public IReadOnlyList<string> Texts => [.. Sent.Where(s => s is not ("typing" or "answered")).Select(s => s[(s.IndexOf(": ", StringComparison.Ordinal) + 2)..])];

    public Exception? Failure { get; set; }

    public Task SendTypingAsync(CancellationToken cancellationToken) => RecordAsync("typing");

    public async Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        foreach (var reply in replies)
        {
            await RecordAsync("reply: " + reply.Text);
        }
    }

    public Task SendAsync(CommandResponse response, CancellationToken cancellationToken) => RecordAsync("command: " + response.Text);

    public Task SendNoticeAsync(string text, CancellationToken cancellationToken) => RecordAsync("notice: " + text);

    public Task MarkAnsweredAsync(CancellationToken cancellationToken) => RecordAsync("answered");

    private Task RecordAsync(string line)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            _sent.Add(line);
        }

        return Task.CompletedTask;
    }
}
