using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// The way back to whoever sent one turn, made by the channel for that turn (Bot Framework's turn context, without the
/// activity): it turns the host's replies, command answers and notes into wire output, in order. Failures to deliver are
/// thrown as <see cref="Channels.ChannelDeliveryException"/>. One turn at a time; not thread-safe.
/// </summary>
internal interface ITurnReplies
{
    /// <summary>
    /// True when the replies travel back in the HTTP response (<c>expectReplies</c>, an immediate Slack answer): then there is
    /// no typing indicator, and a turn that fails cannot apologise on its own; the channel answers with a status code instead.
    /// </summary>
    bool Buffered { get; }

    /// <summary>True when the channel can show "typing…" (the Bot Connector can; Slack's Web API cannot).</summary>
    bool SupportsTyping { get; }

    Task SendTypingAsync(CancellationToken cancellationToken);

    /// <summary>Sends the dialog's replies (prompts with choices become buttons) into the turn's conversation.</summary>
    Task SendAsync(IReadOnlyList<Reply> replies, CancellationToken cancellationToken);

    /// <summary>Answers a recruiter command: its text, then the scorecard in the channel's card format when there is one.</summary>
    Task SendAsync(CommandResponse response, CancellationToken cancellationToken);

    /// <summary>A short note for the sender alone where the channel can show one (Slack: ephemeral), such as a refused click.</summary>
    Task SendNoticeAsync(string text, CancellationToken cancellationToken);

    /// <summary>The turn's button click was taken as the answer: the channel may show the choice on the prompt (Slack replaces its buttons).</summary>
    Task MarkAnsweredAsync(CancellationToken cancellationToken);
}
