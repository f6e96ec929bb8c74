using Microsoft.Extensions.AI;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>The question's red flags in the LLM judge's prompt, and the numbers it returns read as untrusted output.</summary>
public sealed class LlmJudgeRedFlagTests
{
    private static readonly QuestionRedFlag NoStampede = new("Does not mention cache stampedes", RedFlagTrigger.Missing, ["stampede*", "thundering herd"]);
    private static readonly QuestionRedFlag NoExpiry = new("Would cache prices forever", RedFlagTrigger.Said, ["cache*|keep|kept forever|indefinitely"]);

    private static JudgeRequest Request(string answer) =>
        JudgeTestData.Request(answer) with { Question = JudgeTestData.Caching with { RedFlags = [NoStampede, NoExpiry] } };

    [Fact]
    public async Task JudgeAsync_RedFlags_AreNumberedInTheSystemPromptWithTheirTrigger()
    {
        var chat = FakeChatClient.Returning(LlmJudgeTests.VerdictJson(3));
        var sut = JudgeTestData.LlmJudge(chat, JudgeTestData.Options());

        await sut.JudgeAsync(Request(JudgeTestData.WeakAnswer), CancellationToken.None);

        var call = Assert.Single(chat.Calls);
        var system = string.Join("\n", call.Messages.Where(m => m.Role == ChatRole.System).Select(m => m.Text));
        var user = string.Join("\n", call.Messages.Where(m => m.Role == ChatRole.User).Select(m => m.Text));
        Assert.Contains("1. (missing) Does not mention cache stampedes", system, StringComparison.Ordinal);
        Assert.Contains("2. (said) Would cache prices forever", system, StringComparison.Ordinal);
        Assert.DoesNotContain("stampedes", user, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_ModelNumbers_KnownOnesKeptOthersDroppedAndSaidQuotedFromTheAnswer()
    {
        const string answer = "I would put Redis in front of the database. I keep the prices in Redis forever because they rarely change.";
        var chat = FakeChatClient.Returning(LlmJudgeTests.VerdictJson(2, questionFlagsHit: [2, 1, 1, 7, 0, -3]));
        var sut = JudgeTestData.LlmJudge(chat, JudgeTestData.Options());

        var judgment = await sut.JudgeAsync(Request(answer), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(
            [(NoExpiry.Flag, (string?)"I keep the prices in Redis forever because they rarely change."), (NoStampede.Flag, null)],
            judgment.FlagsHit.Select(h => (h.Flag, h.Quote)));
    }

    [Fact]
    public async Task JudgeAsync_ModelHitsNothing_NoFlagEvenWhereTheOfflineCheckWouldHitOne()
    {
        var chat = FakeChatClient.Returning(LlmJudgeTests.VerdictJson(3));
        var sut = JudgeTestData.LlmJudge(chat, JudgeTestData.Options());

        var judgment = await sut.JudgeAsync(Request(JudgeTestData.WeakAnswer), CancellationToken.None);

        Assert.Empty(judgment.FlagsHit);
        Assert.Contains(new RubricJudge().Judge(Request(JudgeTestData.WeakAnswer)).FlagsHit, h => h.Flag == NoStampede.Flag);
    }

    [Fact]
    public async Task JudgeAsync_ModelFails_FallbackKeepsTheOfflineCheck()
    {
        var chat = FakeChatClient.Returning("not json at all");
        var sut = JudgeTestData.LlmJudge(chat, JudgeTestData.Options());

        var judgment = await sut.JudgeAsync(Request(JudgeTestData.WeakAnswer), CancellationToken.None);

        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Contains(judgment.FlagsHit, h => h.Flag == NoStampede.Flag);
    }
}
