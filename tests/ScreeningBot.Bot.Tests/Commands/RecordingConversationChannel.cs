using ScreeningBot.Bot.Channels;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Tests.Commands;

/// <summary>A channel that handles every address, opens a conversation per candidate id, and records what was sent.</summary>
internal sealed class RecordingConversationChannel : IConversationChannel
{
    public List<(ConversationAddress Address, Reply Reply)> Sent { get; } = [];

    public List<(ConversationAddress Address, Scorecard Scorecard)> Scorecards { get; } = [];

    /// <summary>Scorecards refreshed in place: the message and the decision history shown.</summary>
    public List<(ScorecardMessage Message, Scorecard Scorecard, Dialogs.Decisions.DecisionHistory Decisions)> Updates { get; } = [];

    public string? OpenError { get; set; }

    public Exception? SendFailure { get; set; }

    public bool Handles(ConversationAddress address) => true;

    public Task<CandidateConversation> OpenConversationAsync(Participant candidate, ConversationAddress source, Participant recruiter, CancellationToken cancellationToken) =>
        Task.FromResult(OpenError is { } error
            ? CandidateConversation.Failed(error)
            : CandidateConversation.Opened(new ConversationAddress { ChannelId = source.ChannelId, ConversationId = "dm-" + candidate.Id }, candidate));

    public Task SendAsync(ConversationAddress address, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (SendFailure is { } failure)
        {
            throw failure;
        }

        Sent.AddRange(replies.Select(r => (address, r)));
        return Task.CompletedTask;
    }

    public List<(ConversationAddress Address, ScreeningNotice Notice)> Notices { get; } = [];

    /// <summary>Messages removed (erasure), in order.</summary>
    public List<ChannelMessage> Removed { get; } = [];

    /// <summary>When set, removing a message whose id is in it fails with this problem.</summary>
    public Dictionary<string, string> RemovalFailures { get; } = [];

    public Task<IReadOnlyList<ChannelMessage>> PostScorecardAsync(ConversationAddress address, Scorecard scorecard, CancellationToken cancellationToken)
    {
        Scorecards.Add((address, scorecard));
        return Task.FromResult<IReadOnlyList<ChannelMessage>>([new ChannelMessage(address, "posted-" + Scorecards.Count)]);
    }

    public Task<IReadOnlyList<ChannelMessage>> PostNoticeAsync(ConversationAddress address, ScreeningNotice notice, CancellationToken cancellationToken)
    {
        Notices.Add((address, notice));
        return Task.FromResult<IReadOnlyList<ChannelMessage>>([new ChannelMessage(address, "notice-" + Notices.Count)]);
    }

    public Task<ChannelRemoval> RemoveMessageAsync(ChannelMessage message, CancellationToken cancellationToken)
    {
        if (RemovalFailures.TryGetValue(message.MessageId, out var problem))
        {
            return Task.FromResult(ChannelRemoval.Failed(problem));
        }

        Removed.Add(message);
        return Task.FromResult(ChannelRemoval.Deleted);
    }

    public Task UpdateScorecardAsync(ConversationAddress address, string messageId, Scorecard scorecard, Dialogs.Decisions.DecisionHistory decisions, global::ScreeningBot.Bot.Decisions.FeedbackOnCard? feedback, CancellationToken cancellationToken)
    {
        Updates.Add((new ScorecardMessage(address, messageId), scorecard, decisions));
        return Task.CompletedTask;
    }
}
