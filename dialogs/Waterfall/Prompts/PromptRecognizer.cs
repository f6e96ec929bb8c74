using ScreeningBot.Dialogs.Conversation;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>Recognises a message against the pending <see cref="PromptSpec"/>, whatever its type.</summary>
public static class PromptRecognizer
{
    public static Recognized<PromptAnswer> Recognize(PromptSpec prompt, IncomingMessage message, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(message);
        var text = message.EffectiveText;
        var trimmed = PromptText.Normalize(text);
        switch (prompt.Type)
        {
            case PromptType.Text:
                return TextPrompt.Recognize(text);
            case PromptType.YesNo:
                var yesNo = YesNoPrompt.Recognize(ChoicePrompt.ValueAt(text, prompt.Choices) ?? text);
                return yesNo.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, YesNo = yesNo.Value })
                    : Recognized<PromptAnswer>.Fail(yesNo.Error!);
            case PromptType.Number:
                var number = NumberPrompt.Recognize(text, prompt.Min, prompt.Max, prompt.Unit);
                return number.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Number = number.Value })
                    : Recognized<PromptAnswer>.Fail(number.Error!);
            case PromptType.Choice:
                var choice = ChoicePrompt.Recognize(text, prompt.Choices);
                return choice.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Choice = choice.Value })
                    : Recognized<PromptAnswer>.Fail(choice.Error!);
            case PromptType.Date:
                var date = DatePrompt.Recognize(text, today);
                return date.Succeeded
                    ? Recognized<PromptAnswer>.Success(new PromptAnswer { Text = trimmed, Date = date.Value })
                    : Recognized<PromptAnswer>.Fail(date.Error!);
            default:
                throw new ArgumentOutOfRangeException(nameof(prompt), prompt.Type, "Unknown prompt type.");
        }
    }
}
