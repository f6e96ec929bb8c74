using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>
/// Typing speed from the channel's own timestamps, through the whole dialog: an interview-length answer sent a moment
/// after the question is flagged on its judgment and in the transcript's times; the same answer after two minutes is not.
/// </summary>
public sealed class TypingSpeedConversationTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private const string Answer = "I designed the billing API for forty enterprise customers. Every POST took an idempotency key, lists used cursor "
        + "pagination, and the version lived in the Accept header. We kept p95 under 120 ms at two thousand requests per second, "
        + "retired v1 after six months of notice, and tracked every client's calls per version so nobody was surprised by the change.";

    [Theory]
    [InlineData(1, true)]
    [InlineData(120_000, false)]
    public async Task Answer_SentMillisecondsAfterTheQuestion_IsFlaggedForTypingSpeed(int milliseconds, bool flagged)
    {
        await new ConversationFlow(SampleProfiles.Backend, new FakeTimeProvider(Start))
            .Start().SkipReplies(2)
            .Click("yes").SkipReplies(3)
            .Send("5 years").SkipReplies(1)
            .Send("in 2 weeks").SkipReplies(1)
            .AssertReplyContains("Question 1 of 2")
            .SendAfter(TimeSpan.FromMilliseconds(milliseconds), Answer)
            .AssertRecord(s =>
            {
                var answer = Assert.Single(s.Answers, a => a.Kind == QuestionKind.Custom);
                Assert.Equal(flagged, answer.Judgment.RedFlags.Any(f => f.Code == RedFlag.TypingSpeed));
            })
            .AssertTranscript(t =>
            {
                var turn = t.Last(x => x.Speaker == Speaker.Candidate);
                Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), turn.SentAt - turn.PromptSentAt);
            })
            .RunAsync();
    }
}
