namespace ScreeningBot.Bot.Channels;

/// <summary>What became of a posted message the bot was asked to remove (erasure).</summary>
/// <param name="Problem">For <see cref="ChannelRemovalOutcome.Failed"/>: why, in words an operator can act on.</param>
internal sealed record ChannelRemoval(ChannelRemovalOutcome Outcome, string? Problem = null)
{
    public static ChannelRemoval Deleted { get; } = new(ChannelRemovalOutcome.Deleted);

    public static ChannelRemoval Replaced { get; } = new(ChannelRemovalOutcome.Replaced);

    public static ChannelRemoval AlreadyGone { get; } = new(ChannelRemovalOutcome.AlreadyGone);

    public static ChannelRemoval Failed(string problem) => new(ChannelRemovalOutcome.Failed, problem);

    /// <summary>True when the message no longer shows what it showed.</summary>
    public bool Removed => Outcome != ChannelRemovalOutcome.Failed;
}

internal enum ChannelRemovalOutcome
{
    /// <summary>The channel deleted it.</summary>
    Deleted,

    /// <summary>The channel would not delete it, so it was overwritten with <see cref="ChannelRemovalText.Tombstone"/>.</summary>
    Replaced,

    /// <summary>It was deleted already (by someone in the channel, or an earlier erasure).</summary>
    AlreadyGone,

    /// <summary>It could not be reached; it still shows.</summary>
    Failed,
}

/// <summary>What a posted message says once it could only be overwritten, not deleted.</summary>
internal static class ChannelRemovalText
{
    public const string Tombstone = "This message was removed: the candidate's data was erased at their request.";
}
