using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Commands;

/// <summary>How a channel reaches a candidate: open (or find) the 1:1 conversation and send messages into it.</summary>
internal interface ICandidateChannel
{
    /// <summary>Opens the 1:1 conversation with a mentioned candidate; returns the address and who they are, or why it failed.</summary>
    Task<CandidateConversation> OpenConversationAsync(Mention candidate, CommandContext context, CancellationToken cancellationToken);

    /// <summary>Sends replies into a candidate conversation, in order.</summary>
    Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken);
}

/// <summary>The result of <see cref="ICandidateChannel.OpenConversationAsync"/>: an address and participant, or an error to show the recruiter.</summary>
internal sealed record CandidateConversation(ConversationAddress? Address, Participant? Candidate, string? Error)
{
    public static CandidateConversation Opened(ConversationAddress address, Participant candidate) => new(address, candidate, null);

    public static CandidateConversation Failed(string error) => new(null, null, error);
}
