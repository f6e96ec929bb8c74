using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises a free-text answer: anything non-empty; a few phrases mean "skip this question".</summary>
public static class TextPrompt
{
    /// <summary>True when the whole message asks to skip ("skip", "pass", "I don't know").</summary>
    public static bool IsSkip(string? text) => IsSkip(text, CandidateLanguages.English);

    /// <summary>True when the whole message asks to skip, in <paramref name="language"/> or English ("überspringen", "no sé").</summary>
    public static bool IsSkip(string? text, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return language.SkipPhrases.Contains(PromptText.StripPunctuation(PromptText.Normalize(text)));
    }

    public static Recognized<PromptAnswer> Recognize(string text) => Recognize(text, CandidateLanguages.English);

    public static Recognized<PromptAnswer> Recognize(string text, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var trimmed = PromptText.Normalize(text);
        if (trimmed.Length == 0)
        {
            return Recognized<PromptAnswer>.Fail(language.Texts.TextEmpty);
        }

        var bare = PromptText.StripPunctuation(trimmed);
        return Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Skipped = language.SkipPhrases.Contains(bare) });
    }
}
