namespace ScreeningBot.Bot.BotFramework;

/// <summary>Collects a turn's replies for the HTTP response of an <c>expectReplies</c> request (protocol §3). Not thread-safe: one turn.</summary>
internal sealed class BufferedTurnOutput(Activity inbound) : ITurnOutput
{
    private readonly List<Activity> _activities = [];

    public bool SupportsTyping => false;

    public IReadOnlyList<Activity> Activities => _activities;

    public Task SendAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _activities.Add(Address(activity, inbound));
        return Task.CompletedTask;
    }

    /// <summary>Addresses a reply to the sender of <paramref name="inbound"/>, in its conversation.</summary>
    public static Activity Address(Activity activity, Activity inbound) => activity with
    {
        ChannelId = inbound.ChannelId,
        ServiceUrl = inbound.ServiceUrl,
        From = inbound.Recipient,
        Recipient = inbound.From,
        Conversation = inbound.Conversation,
        ReplyToId = inbound.Id,
        Locale = activity.Locale ?? inbound.Locale,
    };
}
