using ScreeningBot.Bot.Commands;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Tests.Commands;

/// <summary>A candidate channel that opens a conversation per mentioned user id and records what was sent.</summary>
internal sealed class RecordingCandidateChannel : ICandidateChannel
{
    public List<(ConversationAddress Address, Reply Reply)> Sent { get; } = [];

    public string? OpenError { get; set; }

    public Exception? SendFailure { get; set; }

    public Task<CandidateConversation> OpenConversationAsync(Mention candidate, CommandContext context, CancellationToken cancellationToken) =>
        Task.FromResult(OpenError is { } error
            ? CandidateConversation.Failed(error)
            : CandidateConversation.Opened(new ConversationAddress { ChannelId = context.ChannelId, ConversationId = "dm-" + candidate.Id }, new Participant(candidate.Id!, candidate.Name)));

    public Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (SendFailure is { } failure)
        {
            throw failure;
        }

        Sent.AddRange(replies.Select(r => (address, r)));
        return Task.CompletedTask;
    }
}
