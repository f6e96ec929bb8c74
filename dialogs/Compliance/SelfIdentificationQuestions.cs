using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// The optional self-identification after a screen ended (issue 18's adverse-impact report): gender, then race or ethnicity,
/// in the EEO-1 categories, each with "prefer not to say" and <c>skip</c>. Asked only once the screen is over, so nothing
/// the candidate answers here can reach the judge or the scorecard; the state keeps only which question is open.
/// </summary>
internal static class SelfIdentificationQuestions
{
    public const string SexQuestionId = "self-identification-sex";
    public const string RaceQuestionId = "self-identification-race";

    /// <summary>The invitation and the first question, sent right after the closing message.</summary>
    public static IReadOnlyList<Reply> Offer(CandidateTexts texts) =>
        [Reply.Message(texts.SelfIdIntro), Ask(texts, SelfIdentificationStep.Sex, ReplyKind.Prompt)];

    /// <summary>
    /// Takes the candidate's answer to <paramref name="step"/>: the answer to store (null when not understood, and the
    /// question is asked again), the next open question (null when done) and the replies.
    /// </summary>
    public static (SelfIdentificationAnswer? Answer, SelfIdentificationStep? Next, IReadOnlyList<Reply> Replies) Take(
        SelfIdentificationStep step, IncomingMessage message, CandidateTexts texts, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message.EffectiveText;
        var choices = ChoicesFor(texts, step);
        string? value;
        if (TextPrompt.IsSkip(text, language))
        {
            value = null;
        }
        else
        {
            var recognized = ChoicePrompt.Recognize(text, choices, language);
            if (!recognized.Succeeded)
            {
                return (null, step, [new Reply { Text = texts.ChoiceExpected(choices), Kind = ReplyKind.Retry }, Ask(texts, step, ReplyKind.Retry)]);
            }

            value = recognized.Value;
        }

        var answer = step == SelfIdentificationStep.Sex
            ? new SelfIdentificationAnswer(step, value is null ? null : Enum.Parse<SexCategory>(value), null)
            : new SelfIdentificationAnswer(step, null, value is null ? null : Enum.Parse<RaceEthnicityCategory>(value));
        return step == SelfIdentificationStep.Sex
            ? (answer, SelfIdentificationStep.RaceEthnicity, [Ask(texts, SelfIdentificationStep.RaceEthnicity, ReplyKind.Prompt)])
            : (answer, null, [new Reply { Text = texts.SelfIdThanks, Kind = ReplyKind.Closing }]);
    }

    private static Reply Ask(CandidateTexts texts, SelfIdentificationStep step, ReplyKind kind) => WaterfallEngine.ToReply(
        new PromptSpec
        {
            Type = PromptType.Choice,
            QuestionId = step == SelfIdentificationStep.Sex ? SexQuestionId : RaceQuestionId,
            Text = step == SelfIdentificationStep.Sex ? texts.SelfIdSex : texts.SelfIdRace,
            Choices = ChoicesFor(texts, step),
        },
        kind);

    private static IReadOnlyList<Choice> ChoicesFor(CandidateTexts texts, SelfIdentificationStep step) =>
        step == SelfIdentificationStep.Sex ? texts.SexChoices : texts.RaceEthnicityChoices;
}
