using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>What <see cref="CandidateRightsService.ForgetAsync"/> did: the stored data it deleted, the channel messages it removed, and those it could not reach.</summary>
internal sealed record CandidateErasure(ErasureReport Stored, int MessagesRemoved, IReadOnlyList<UnreachedMessage> Unreached)
{
    /// <summary>True when nothing was stored and nothing was posted about the id (a typo, or forgotten before).</summary>
    public bool FoundNothing => Stored.Interviews == 0 && MessagesRemoved == 0 && Unreached.Count == 0;
}

/// <summary>A posted message erasure could not remove: where it is and why. Its record stays, so running <c>forget</c> again retries it.</summary>
internal sealed record UnreachedMessage(string ChannelId, string ConversationId, string MessageId, string Problem);
