using System.Globalization;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises one of a list of choices: by button value, by title, by position ("2"), or by a word that
/// matches exactly one option.
/// </summary>
public static class ChoicePrompt
{
    /// <summary>
    /// The value of the choice at the position typed (<c>"1"</c>, <c>"2."</c>, <c>"[2]"</c>), or null when the text is
    /// not a position in <paramref name="choices"/>. Channels that cannot show buttons number the options (the
    /// terminal's <c>[1] Yes</c>, Slack's fallback text, the retry message), so every prompt with choices takes it.
    /// </summary>
    public static string? ValueAt(string? text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text)).Trim('[', ']', '#');
        return choices.Count > 0 && int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= choices.Count
            ? choices[position - 1].Value
            : null;
    }

    public static Recognized<string> Recognize(string text, IReadOnlyList<Choice> choices) => Recognize(text, choices, CandidateLanguages.English);

    public static Recognized<string> Recognize(string text, IReadOnlyList<Choice> choices, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(choices);
        ArgumentNullException.ThrowIfNull(language);
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        if (bare.Length > 0)
        {
            foreach (var choice in choices)
            {
                if (string.Equals(bare, choice.Value, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(bare, PromptText.StripPunctuation(choice.Title), StringComparison.OrdinalIgnoreCase))
                {
                    return Recognized<string>.Success(choice.Value);
                }
            }

            if (ValueAt(bare, choices) is { } byPosition)
            {
                return Recognized<string>.Success(byPosition);
            }

            var partial = choices
                .Where(c => c.Title.Contains(bare, StringComparison.OrdinalIgnoreCase) || bare.Contains(PromptText.StripPunctuation(c.Title), StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (bare.Length >= 3 && partial.Length == 1)
            {
                return Recognized<string>.Success(partial[0].Value);
            }
        }

        return Recognized<string>.Fail(language.Texts.ChoiceExpected(choices));
    }
}
