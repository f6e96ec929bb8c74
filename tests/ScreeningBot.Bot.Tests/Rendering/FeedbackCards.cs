using ScreeningBot.Bot.Decisions;
using ScreeningBot.Dialogs.Decisions;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>A decided scorecard's candidate feedback as the card shows it, with a hostile candidate name in the text.</summary>
internal static class FeedbackCards
{
    public static readonly DecisionEntry Decision = new()
    {
        Id = "0638690000000000000-0a0b0c0d",
        InterviewId = "iv-1",
        At = new DateTimeOffset(2026, 12, 7, 18, 20, 0, TimeSpan.Zero),
        ById = "aad-rita",
        ByName = "Rita",
        Decision = HiringDecision.Reject,
        Source = "msteams card",
    };

    public static readonly DecisionHistory Decided = new([Decision]);

    /// <summary>The text as CandidateFeedbackWriter writes it for a candidate whose first name is a Markdown link.</summary>
    public static readonly string Text = CandidateFeedbackWriter.Compose(
        ScorecardFixtures.Payload, "Senior Backend Developer", HiringDecision.Reject, ScorecardFixtures.Hostile, withEvidence: true);

    public static readonly FeedbackOnCard Preview = new(new FeedbackConfirmation("iv-1", Decision.Id), "Mallory " + ScorecardFixtures.Payload, Text, null);

    public static readonly FeedbackOnCard Sent = Preview with
    {
        Sent = new DecisionEntry { Id = Decision.Id + "-feedback", InterviewId = "iv-1", At = Decision.At.AddMinutes(5), ById = "aad-rita", ByName = "Rita " + ScorecardFixtures.Payload, Source = "feedback" },
    };
}
