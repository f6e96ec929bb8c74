using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises a message against the pending <see cref="PromptSpec"/>, whatever its type.</summary>
public static class PromptRecognizer
{
    public static Recognized<PromptAnswer> Recognize(PromptSpec prompt, IncomingMessage message, DateOnly today) =>
        Recognize(prompt, message, today, CandidateLanguages.English);

    /// <summary>Recognises <paramref name="message"/> with the words of <paramref name="language"/> (and English), answering failures in it.</summary>
    public static Recognized<PromptAnswer> Recognize(PromptSpec prompt, IncomingMessage message, DateOnly today, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(language);
        var text = message.EffectiveText;
        var trimmed = PromptText.Normalize(text);
        switch (prompt.Type)
        {
            case PromptType.Text:
                return TextPrompt.Recognize(text, language);
            case PromptType.YesNo:
                var yesNo = YesNoPrompt.Recognize(ChoicePrompt.ValueAt(text, prompt.Choices) ?? text, language);
                return yesNo.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, YesNo = yesNo.Value })
                    : Recognized<PromptAnswer>.Fail(yesNo.Error!);
            case PromptType.Number:
                var number = NumberPrompt.Recognize(text, language, prompt.Min, prompt.Max, prompt.Unit);
                return number.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Number = number.Value })
                    : Recognized<PromptAnswer>.Fail(number.Error!);
            case PromptType.Choice:
                var choice = ChoicePrompt.Recognize(text, prompt.Choices, language);
                return choice.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Choice = choice.Value })
                    : Recognized<PromptAnswer>.Fail(choice.Error!);
            case PromptType.Date:
                var date = DatePrompt.Recognize(text, today, language);
                return date.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Date = date.Value })
                    : Recognized<PromptAnswer>.Fail(date.Error!);
            default:
                throw new ArgumentOutOfRangeException(nameof(prompt), prompt.Type, "Unknown prompt type.");
        }
    }
}
