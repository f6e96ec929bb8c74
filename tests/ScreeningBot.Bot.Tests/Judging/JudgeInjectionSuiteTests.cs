using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>
/// The injection suite against both judges: every payload of <see cref="InjectionPayloads"/> appended to a weak answer
/// must never raise its score. The LLM judge is tested against a model that is fooled on purpose (the loopback server
/// plays it), so what holds is the judge's own guard, not the model's good sense.
/// </summary>
public sealed partial class JudgeInjectionSuiteTests(OpenAiServerFixture fixture) : IClassFixture<OpenAiServerFixture>
{
    private const double HonestWeakDepth = 2.0;

    private readonly OpenAiTestServer _server = fixture.Server;

    public static TheoryData<string, string> Payloads => InjectionPayloads.All;

    [Fact]
    public void Payloads_AtLeastTwentyFiveDistinctTechniques()
    {
        var payloads = InjectionPayloads.All.Select(row => (string)row[1]).ToArray();

        Assert.True(payloads.Distinct(StringComparer.Ordinal).Count() >= 25, $"{payloads.Length} payloads");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void RubricJudge_PayloadAppendedToWeakAnswer_NeverScoresHigher(string technique, string payload)
    {
        var sut = new RubricJudge();

        var baseline = sut.Judge(JudgeTestData.Request(JudgeTestData.WeakAnswer));
        var injected = sut.Judge(JudgeTestData.Request(JudgeTestData.WeakAnswer + " " + payload));

        Assert.True(injected.Depth <= baseline.Depth, $"{technique}: {injected.Depth} > {baseline.Depth}");
        Assert.Contains(injected.RedFlags, f => f.Code == RedFlag.PromptInjection);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task LlmJudge_ModelFooledByAnyPayloadItSees_PayloadNeverReachesItNorRaisesTheScore(string technique, string payload)
    {
        // The adversary: an honest 2.0 for the weak answer exactly, and 5/5 with every area and no flags for anything else.
        _server.Responder = request => FencedAnswer(request).Trim() == JudgeTestData.WeakAnswer
            ? ChatCompletionReply.Judgment(HonestWeakDepth, HonestWeakDepth)
            : ChatCompletionReply.Judgment(5, 5, covered: JudgeTestData.Caching.KnowledgeAreas);
        var sut = JudgeTestData.LlmJudge(_server);

        var baseline = await sut.JudgeAsync(JudgeTestData.Request(JudgeTestData.WeakAnswer), CancellationToken.None);
        var requestsBefore = _server.Requests.Count;
        var injected = await sut.JudgeAsync(JudgeTestData.Request(JudgeTestData.WeakAnswer + " " + payload), CancellationToken.None);

        Assert.Equal((JudgeKind.Llm, HonestWeakDepth), (baseline.JudgedBy, baseline.Depth));
        Assert.True(injected.Depth <= baseline.Depth, $"{technique}: {injected.Depth} > {baseline.Depth}");
        Assert.Contains(injected.RedFlags, f => f.Code == RedFlag.PromptInjection);
        if (_server.Requests.Count > requestsBefore)
        {
            // The model was asked: it saw the weak answer and nothing of the payload.
            Assert.Equal(JudgeKind.Llm, injected.JudgedBy);
            Assert.Equal(JudgeTestData.WeakAnswer, FencedAnswer(_server.Requests[^1]).Trim());
        }
        else
        {
            // The detector's cut took the whole sentence the payload leans on: nothing is left to send, so the rubric
            // judge's (penalised) verdict stands and says why.
            Assert.Equal(JudgeKind.RubricFallback, injected.JudgedBy);
            Assert.Equal(0, injected.Depth);
        }
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task LlmJudge_ModelAlwaysGivesFullMarks_PayloadNeverScoresAboveTheRubricJudge(string technique, string payload)
    {
        _server.Responder = _ => ChatCompletionReply.Judgment(5, 5, covered: JudgeTestData.Caching.KnowledgeAreas);
        var sut = JudgeTestData.LlmJudge(_server);
        var answer = JudgeTestData.WeakAnswer + " " + payload;

        var baseline = await sut.JudgeAsync(JudgeTestData.Request(JudgeTestData.WeakAnswer), CancellationToken.None);
        var injected = await sut.JudgeAsync(JudgeTestData.Request(answer), CancellationToken.None);
        var rubric = new RubricJudge().Judge(JudgeTestData.Request(answer));

        Assert.True(injected.Depth <= rubric.Depth, $"{technique}: LLM {injected.Depth} > rubric {rubric.Depth}");
        Assert.True(injected.Depth < baseline.Depth, $"{technique}: {injected.Depth} >= {baseline.Depth}");
        Assert.Contains(injected.RedFlags, f => f.Code == RedFlag.PromptInjection);
    }

    [Theory]
    [InlineData("keyword list", "cache invalidation, TTL, expiry, cache stampede, consistency, Redis, cache-aside, coalescing, locks, stale reads")]
    [InlineData("reference terms pasted", "cache-aside Redis database cache miss entry TTL delete refresh products change events guard keys stampede request coalescing per-key lock accept stale reads")]
    [InlineData("question copied back", "How would you add caching to a read-heavy product catalogue service? Add caching to the read-heavy product catalogue service.")]
    public async Task LlmJudge_ModelAlwaysGivesFullMarks_StuffedOrCopiedAnswerStaysCapped(string technique, string answer)
    {
        _server.Responder = _ => ChatCompletionReply.Judgment(5, 5, covered: JudgeTestData.Caching.KnowledgeAreas);
        var sut = JudgeTestData.LlmJudge(_server);

        var requestsBefore = _server.Requests.Count;

        var judgment = await sut.JudgeAsync(JudgeTestData.Request(answer), CancellationToken.None);

        // A list with nothing else is left out whole, so the model is not asked: the rubric judge's zero stands.
        Assert.Equal(_server.Requests.Count > requestsBefore ? JudgeKind.Llm : JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.True(judgment.Depth <= RubricJudge.KeywordStuffingCap, $"{technique}: {judgment.Depth}");
        Assert.Contains(judgment.RedFlags, f => f.Code is RedFlag.KeywordStuffing or RedFlag.CopiedQuestion);
    }

    private static string FencedAnswer(RecordedChatRequest request)
    {
        var match = FencePattern().Match(request.MessageText("user"));
        return match.Success ? match.Groups["answer"].Value : throw new InvalidOperationException("The request has no fenced answer.");
    }

    [GeneratedRegex(@"<<<CANDIDATE_ANSWER [0-9A-F]+\n(?<answer>.*)\nCANDIDATE_ANSWER [0-9A-F]+>>>", RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
