using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Words a candidate can type at any point. Only a whole message counts, so an answer that merely contains "help" is still an answer.</summary>
public enum CandidateCommand
{
    Help,
    Repeat,
    Pause,
    Resume,
    Withdraw,

    /// <summary>The candidate asks for a person instead (<c>human</c>, <c>opt out</c>): the screen ends without a score.</summary>
    Human,
}

/// <summary>Recognises <see cref="CandidateCommand"/>s in the interview's language, and always in English ("hilfe", "ayuda", "help").</summary>
public static class CandidateCommands
{
    public static CandidateCommand? TryParse(string? text) => TryParse(text, CandidateLanguages.English);

    public static CandidateCommand? TryParse(string? text, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var normalized = PromptText.Normalize(text);
        if (normalized.Length is 0 or > 40)
        {
            return null;
        }

        if (normalized == "?")
        {
            return CandidateCommand.Help;
        }

        var bare = PromptText.StripPunctuation(normalized.TrimStart('/', '!'));
        return language.CommandWords.TryGetValue(bare, out var command) ? command : null;
    }
}
