using System.Globalization;
using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises one of a list of choices: by button value, by title, by position ("2"), or by a word that
/// matches exactly one option.
/// </summary>
public static class ChoicePrompt
{
    public static Recognized<string> Recognize(string text, IReadOnlyList<Choice> choices)
    {
        ArgumentNullException.ThrowIfNull(choices);
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

            if (int.TryParse(bare, NumberStyles.None, CultureInfo.InvariantCulture, out var position) && position >= 1 && position <= choices.Count)
            {
                return Recognized<string>.Success(choices[position - 1].Value);
            }

            var partial = choices
                .Where(c => c.Title.Contains(bare, StringComparison.OrdinalIgnoreCase) || bare.Contains(PromptText.StripPunctuation(c.Title), StringComparison.OrdinalIgnoreCase))
                .ToArray();
            if (bare.Length >= 3 && partial.Length == 1)
            {
                return Recognized<string>.Success(partial[0].Value);
            }
        }

        var options = string.Join(", ", choices.Select((c, i) => $"{i + 1}. {c.Title}"));
        return Recognized<string>.Fail($"Please pick one of: {options} (type the number or the option).");
    }
}
