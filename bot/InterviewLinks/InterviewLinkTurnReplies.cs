using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The way back to a candidate's page for one answer: the page waits on its request, so replies are collected and the
/// response carries them (<see cref="ITurnReplies.Buffered"/>: the page shows its own "typing…" meanwhile, and storage
/// trouble becomes a 503 the page retries). The page draws the conversation from the stored transcript; what it cannot find
/// there (a refused click, an answer over the length limit, "this screen has ended") it shows from <see cref="Texts"/>.
/// One turn; not thread-safe.
/// </summary>
internal sealed class InterviewLinkTurnReplies : ITurnReplies
{
    private readonly List<string> _texts = [];

    public bool Buffered => true;

    public bool SupportsTyping => false;

    /// <summary>Everything the turn said, in order.</summary>
    public IReadOnlyList<string> Texts => _texts;

    public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _texts.AddRange(replies.Select(r => r.Text));
        return Task.CompletedTask;
    }

    /// <summary>A link's turns are never commands (its sender is a candidate, never a configured recruiter); answered as text should one come.</summary>
    public Task SendAsync(CommandResponse response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        _texts.Add(response.Text);
        return Task.CompletedTask;
    }

    public Task SendNoticeAsync(string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        _texts.Add(text);
        return Task.CompletedTask;
    }

    /// <summary>The page draws the clicked choice as the candidate's message itself.</summary>
    public Task MarkAnsweredAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
