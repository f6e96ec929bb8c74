using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Screening;

/// <summary>What the phases pass the judge about LLM spending, and how they keep count of it.</summary>
public sealed class PhaseKitTests
{
    private const string Strong = "I designed a REST API for billing with cursor pagination and versioned media types. It served 2k requests per second.";

    [Fact]
    public async Task JudgeAsync_InterviewWithFollowUps_PassesTokensSpentSoFarAndKeepsEveryJudgmentsTokens()
    {
        var judge = new TokenCountingJudge();
        await new ConversationFlow(SampleProfiles.Backend, new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero)), judge)
            .Start().Click("yes").Send("5 years").Send("in 2 weeks")
            .AssertReplyContains("Hi Jane").SkipReplies(1)
            .AssertReply("Thank you! Let's begin.").SkipReplies(3)
            .AssertReplyContains("two questions about your experience").AssertReplyContains("Question 1 of 2")
            .Send("It was a vague sort of API, pretty standard.")
            .AssertReply("What did you measure to know the API worked well?")
            .Send(Strong)
            .AssertReplyContains("Question 2 of 2")
            .AssertInterview(i =>
            {
                // Two judgments of the api answer (before and after its follow-up) are both counted.
                var api = Assert.Single(i.Record.Answers);
                Assert.Equal((200, 20), (api.Judgment.InputTokens, api.Judgment.OutputTokens));
                Assert.Equal((0, 0), (i.Position.WorkingInputTokens, i.Position.WorkingOutputTokens));
            })
            .Send(Strong)
            .RunAsync();

        Assert.Equal([0, 110, 220], judge.TokensSpent.Take(3));
    }

    /// <summary><see cref="ScriptedJudge"/> verdicts, each costing 100 input and 10 output tokens; records what it was told was spent.</summary>
    private sealed class TokenCountingJudge : IAnswerJudge
    {
        private readonly ScriptedJudge _inner = new();
        private readonly ConcurrentQueue<int> _spent = new();

        public IReadOnlyList<int> TokensSpent => [.. _spent];

        public async ValueTask<Judgment> JudgeAsync(JudgeRequest request, CancellationToken cancellationToken)
        {
            _spent.Enqueue(request.TokensSpent);
            return await _inner.JudgeAsync(request, cancellationToken) with { InputTokens = 100, OutputTokens = 10, JudgedBy = JudgeKind.Llm };
        }
    }
}
