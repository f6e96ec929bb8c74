using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Channels;

/// <summary>The result of <see cref="IConversationChannel.OpenConversationAsync"/>: an address and participant, or an error to show the recruiter.</summary>
internal sealed record CandidateConversation(ConversationAddress? Address, Participant? Candidate, string? Error)
{
    public static CandidateConversation Opened(ConversationAddress address, Participant candidate) => new(address, candidate, null);

    public static CandidateConversation Failed(string error) => new(null, null, error);

    /// <summary>The candidate's time zone when the channel knows it (Slack <c>users.info</c> <c>tz</c>); untrusted.</summary>
    public string? TimeZone { get; init; }
}
