using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Welcome, what happens with the answers, and an explicit yes before anything is asked.</summary>
internal static class ConsentPhase
{
    public const string QuestionId = "consent";

    public static WaterfallDialog Create(Profile profile, CandidateTexts texts) => new(
        QuestionId,
        Phase.Consent,
        [
            (step, _) =>
            {
                step.Say(texts.Welcome(profile, step.Subject.FirstName, step.State.ExpiresAt, step.Now));
                return ValueTask.FromResult(StepResult.Wait(new PromptSpec
                {
                    Type = PromptType.YesNo,
                    QuestionId = QuestionId,
                    Text = texts.ConsentQuestion,
                    Choices = texts.YesNoChoices,
                }));
            },
            (step, _) =>
            {
                if (PhaseKit.RequireAnswer(step).YesNo != true)
                {
                    step.Say(texts.ConsentDeclined);
                    return ValueTask.FromResult(StepResult.EndInterview(InterviewStatus.Declined));
                }

                step.State = step.State with { Status = InterviewStatus.InProgress };
                step.Say(texts.ConsentGiven);
                return ValueTask.FromResult(StepResult.EndDialog);
            },
        ]);
}
