namespace ScreeningBot.Bot.Slack;

/// <summary>A verified request from Slack, acknowledged and waiting for a background worker.</summary>
internal abstract record SlackWork
{
    private protected SlackWork()
    {
    }

    /// <summary>Work with the same key is done in arrival order (one conversation = one worker).</summary>
    public abstract string PartitionKey { get; }

    /// <summary>What the work is, for logs (no user content).</summary>
    public abstract string Description { get; }
}

/// <summary>A <c>/screen</c> invocation.</summary>
internal sealed record SlackCommandWork(string Text, string UserId, string UserName, string ChannelId, Uri ResponseUrl) : SlackWork
{
    public override string PartitionKey => ChannelId;

    public override string Description => "/screen command";
}

/// <summary>A candidate's message in a DM with the bot (<c>message.im</c>).</summary>
internal sealed record SlackMessageWork(string EventId, string ChannelId, string UserId, string Text, string MessageId) : SlackWork
{
    public override string PartitionKey => ChannelId;

    public override string Description => $"message event {EventId}";
}

/// <summary>A click on one of a prompt's buttons.</summary>
internal sealed record SlackButtonWork(SlackInteraction Interaction, SlackAction Action, string ChannelId, string UserId, string MessageTs) : SlackWork
{
    public override string PartitionKey => ChannelId;

    public override string Description => "button click";
}
