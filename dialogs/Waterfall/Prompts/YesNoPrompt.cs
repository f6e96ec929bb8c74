namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises yes/no answers, typed or clicked, in the forms people actually write.</summary>
public static class YesNoPrompt
{
    private static readonly HashSet<string> Yes = new(StringComparer.OrdinalIgnoreCase)
    {
        "yes", "y", "yeah", "yep", "yup", "sure", "ok", "okay", "of course", "absolutely", "definitely",
        "i agree", "agree", "i consent", "consent", "yes please", "yes i do", "yes i can", "yes i am", "correct",
        "true", "affirmative", "go ahead", "let's go", "lets go", "sounds good", "👍", "✅",
    };

    private static readonly HashSet<string> No = new(StringComparer.OrdinalIgnoreCase)
    {
        "no", "n", "nope", "nah", "not really", "no thanks", "no thank you", "i don't agree", "i dont agree",
        "disagree", "decline", "i decline", "no i don't", "no i dont", "no i can't", "no i cant", "false", "negative",
        "👎", "❌",
    };

    private const string Expected = "Please answer yes or no (you can also use the buttons).";

    public static Recognized<bool> Recognize(string text)
    {
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        if (Yes.Contains(bare))
        {
            return Recognized<bool>.Success(true);
        }

        if (No.Contains(bare))
        {
            return Recognized<bool>.Success(false);
        }

        if (TextPrompt.IsSkip(bare))
        {
            // "No idea" or "not sure" is not a no.
            return Recognized<bool>.Fail(Expected);
        }

        // "Yes, I have a visa" / "No - not yet": the first word decides when it is unambiguous.
        var first = bare.Split([' ', ',', '-', '—', '.', '!'], 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? string.Empty;
        if (first is "yes" or "yeah" or "yep" or "sure" or "absolutely" or "definitely")
        {
            return Recognized<bool>.Success(true);
        }

        if (first is "no" or "nope" or "nah")
        {
            return Recognized<bool>.Success(false);
        }

        return Recognized<bool>.Fail(Expected);
    }
}
