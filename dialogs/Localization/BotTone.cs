namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// How the bot's own messages sound where the language files offer a choice (greetings, acknowledgements, the closing),
/// named by the first word of a profile's <c>tone</c> (see <see cref="BotTones"/>). The rest of <c>tone</c> goes to the LLM
/// judge and narrator as written.
/// </summary>
public enum BotTone
{
    /// <summary>Friendly and encouraging ("Hi Jane!", "Thank you! Let's begin."): the default wording of every language file.</summary>
    Warm,

    /// <summary>Polite and plain, without exclamation marks ("Hello Jane.", "Thank you. We will begin now.").</summary>
    Neutral,

    /// <summary>As short as politeness allows ("Hi Jane.", "Thanks. Starting now.").</summary>
    Concise,
}
