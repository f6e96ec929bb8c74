namespace ScreeningBot.Bot.Turns;

/// <summary>What the bot says on its own, the same in every channel: welcomes, refusals, and the one storage-down apology.</summary>
internal static class TurnText
{
    /// <summary>Storage failed mid-turn: nothing was saved, so the person sends their message (or command) again.</summary>
    public const string StorageDown =
        "Sorry, I couldn't save that just now. Please send your last message again in a minute; nothing you said before is lost.";

    public const string NoScreen =
        "Hi! I'm the screening assistant, and I don't have a screen open for you right now. I'll message you here as soon as a recruiter invites you to one.";

    public const string NotTheCandidate =
        "This screening chat belongs to someone else, so I haven't taken your message. If a recruiter invites you, I'll message you in your own private chat.";

    public const string StaleClick = "That question has already been answered. Please answer the latest question below.";

    public const string PersonalWelcome =
        "Hi, I'm the screening assistant. When a recruiter invites you to a screening interview, I'll message you here and we'll go " +
        "through it together at your own pace. There's nothing you need to do until then.";

    public static string TeamWelcome(string prefix) =>
        "Hi, I'm the screening assistant. I run structured first-round interviews with backend-developer candidates in a private chat, " +
        "judge each answer and post a scorecard in this channel when they finish.\n\n" +
        $"To start one, type `{prefix} screen @candidate profile-id`, for example `{prefix} screen @Jane backend-senior`. " +
        $"`{prefix} profiles` lists the roles, `{prefix} status` shows screens in progress and `{prefix} help` explains the rest.";
}
