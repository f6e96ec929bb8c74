using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises yes/no answers, typed or clicked, in the forms people actually write, in the interview's language and English.</summary>
public static class YesNoPrompt
{
    public static Recognized<bool> Recognize(string text) => Recognize(text, CandidateLanguages.English);

    public static Recognized<bool> Recognize(string text, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        if (language.YesWords.Contains(bare))
        {
            return Recognized<bool>.Success(true);
        }

        if (language.NoWords.Contains(bare))
        {
            return Recognized<bool>.Success(false);
        }

        if (TextPrompt.IsSkip(bare, language))
        {
            // "No idea" or "not sure" is not a no.
            return Recognized<bool>.Fail(language.Texts.YesNoExpected);
        }

        // "Yes, I have a visa" / "No - not yet": the first word decides when it is unambiguous.
        var first = bare.Split([' ', ',', '-', '—', '.', '!'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (language.YesFirstWords.Contains(first))
        {
            return Recognized<bool>.Success(true);
        }

        if (language.NoFirstWords.Contains(first))
        {
            return Recognized<bool>.Success(false);
        }

        return Recognized<bool>.Fail(language.Texts.YesNoExpected);
    }
}
