namespace ScreeningBot.Bot.BotFramework;

/// <summary>The HTTP response body for <c>deliveryMode: "expectReplies"</c>: every reply of the turn, in order.</summary>
internal sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
