namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises a free-text answer: anything non-empty; a few phrases mean "skip this question".</summary>
public static class TextPrompt
{
    private static readonly HashSet<string> SkipPhrases = new(StringComparer.OrdinalIgnoreCase)
    {
        "skip", "pass", "next", "i don't know", "i dont know", "don't know", "dont know", "idk", "no idea",
        "not sure", "skip this", "skip this question", "i'd rather not say", "no comment",
    };

    /// <summary>True when the whole message asks to skip ("skip", "pass", "I don't know").</summary>
    public static bool IsSkip(string? text) => SkipPhrases.Contains(PromptText.StripPunctuation(PromptText.Normalize(text)));

    public static Recognized<PromptAnswer> Recognize(string text)
    {
        var trimmed = PromptText.Normalize(text);
        if (trimmed.Length == 0)
        {
            return Recognized<PromptAnswer>.Fail("I didn't catch an answer there. Take your time and reply in your own words, or type skip to move on.");
        }

        var bare = PromptText.StripPunctuation(trimmed);
        return Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Skipped = SkipPhrases.Contains(bare) });
    }
}
