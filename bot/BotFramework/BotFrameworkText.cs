namespace ScreeningBot.Bot.BotFramework;

/// <summary>What the bot says on its own in Bot Framework channels (welcomes and short notices).</summary>
internal static class BotFrameworkText
{
    public static string TeamWelcome(string prefix) =>
        "Hi, I'm the screening assistant. I run structured first-round interviews with backend-developer candidates in a private chat, " +
        "judge each answer and post a scorecard in this channel when they finish.\n\n" +
        $"To start one, type `{prefix} screen @candidate profile-id`, for example `{prefix} screen @Jane backend-senior`. " +
        $"`{prefix} profiles` lists the roles, `{prefix} status` shows screens in progress and `{prefix} help` explains the rest.";

    public const string PersonalWelcome =
        "Hi, I'm the screening assistant. When a recruiter invites you to a screening interview, I'll message you here and we'll go " +
        "through it together at your own pace. There's nothing you need to do until then.";

    public const string NoScreen =
        "Hi! You don't have a screening interview with me at the moment. I'll message you here as soon as a recruiter invites you to one.";

    public const string TryAgain =
        "Sorry, I couldn't save that just now. Please send your last message again in a minute; nothing you said before is lost.";

    public const string AnswerReceived = "Got it.";

    public const string CardNotUnderstood = "I couldn't read that button; please type your answer instead.";
}
