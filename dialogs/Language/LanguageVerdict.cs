namespace ScreeningBot.Dialogs.Language;

/// <summary>Whether written answers gave a level.</summary>
public enum LanguageVerdict
{
    /// <summary>Enough well-formed text in the language: a level with a confidence.</summary>
    Assessed,

    /// <summary>Empty, one-word, emoji-only, mixed-language or too little text: no level is given.</summary>
    NotEnoughToAssess,

    /// <summary>Gibberish, a list of keywords, word salad or copied text: not the candidate's own sentences, so no level.</summary>
    NotAssessable,
}
