namespace ScreeningBot.Bot.BotFramework;

/// <summary>Where a turn's replies go: through the Bot Connector (normal delivery) or into the HTTP response (<c>expectReplies</c>).</summary>
internal interface ITurnOutput
{
    /// <summary>False when typing indicators cannot be sent (replies are buffered for the response body).</summary>
    bool SupportsTyping { get; }

    /// <summary>Sends an unaddressed activity (see <see cref="ReplyActivities"/>) as a reply to the turn's activity.</summary>
    Task SendAsync(Activity activity, CancellationToken cancellationToken);
}
