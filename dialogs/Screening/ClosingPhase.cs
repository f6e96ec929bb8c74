using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>Thanks the candidate and ends the interview as Completed.</summary>
internal static class ClosingPhase
{
    public static PlanItem Create(CandidateTexts texts) => new(
        "closing",
        Phase.Closing,
        [
            (step, _) =>
            {
                step.Send(new Conversation.Reply { Text = texts.Closing(step.Subject.FirstName), Kind = Conversation.ReplyKind.Closing });
                return ValueTask.FromResult(StepResult.EndInterview(InterviewStatus.Completed));
            },
        ]);
}
