using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Welcome, the notice (an automated system asks and scores, what is kept and how long, people decide, how to ask for a person
/// or for one's data), and an explicit yes before anything is asked.
/// </summary>
internal static class ConsentPhase
{
    public const string QuestionId = "consent";

    public static PlanItem Create(Profile profile, CandidateTexts texts, InterviewOptions options) => new(
        QuestionId,
        Phase.Consent,
        [
            (step, _) =>
            {
                step.Say(texts.Welcome(profile, step.Subject.FirstName, step.Record.ExpiresAt, step.Now));
                return ValueTask.FromResult(StepResult.Wait(new PromptSpec
                {
                    Type = PromptType.YesNo,
                    QuestionId = QuestionId,
                    // The notice and the question in one message: what the candidate agrees to sits right above the buttons.
                    Text = texts.Notice(options.RetentionDays, PrivacyUrl(profile, options)) + "\n\n" + texts.ConsentQuestion,
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

                step.Record = step.Record with { Status = InterviewStatus.InProgress };
                step.Say(texts.ConsentGiven);
                return ValueTask.FromResult(StepResult.EndDialog);
            },
        ]);

    private static Uri? PrivacyUrl(Profile profile, InterviewOptions options) =>
        Uri.TryCreate(profile.PrivacyUrl ?? options.PrivacyUrl, UriKind.Absolute, out var url) ? url : null;
}
