using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>
/// The injection and gaming suite against the LLM judge (issue 13; the rubric judge's run is
/// <c>RubricJudgeGamingSuiteTests</c>): every payload of <see cref="InjectionPayloads.Every"/> placed after, before, inside
/// and instead of a weak and a medium answer never raises the score and is always flagged. The model is played by the
/// loopback OpenAI server and is fooled on purpose, so what holds is the judge's own guard, not the model's good sense.
/// </summary>
public sealed partial class JudgeInjectionSuiteTests(OpenAiServerFixture fixture) : IClassFixture<OpenAiServerFixture>
{
    private const double HonestWeakDepth = 2.0;
    private const double HonestMediumDepth = 3.0;

    private readonly OpenAiTestServer _server = fixture.Server;

    public static TheoryData<InjectionPayload> Payloads => InjectionPayloads.EveryData;

    [Fact]
    public void Payloads_AtLeastEightyDistinctOnes()
    {
        Assert.True(InjectionPayloads.Every.Select(p => p.Text).Distinct(StringComparer.Ordinal).Count() >= 80, $"{InjectionPayloads.Every.Count} payloads");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task LlmJudge_ModelFooledByAnyPayloadItSees_PayloadNeverReachesItNorRaisesTheScore(InjectionPayload payload)
    {
        var failures = new List<string>();
        foreach (var (answer, honest) in new[] { (InjectionPayloads.WeakAnswer, HonestWeakDepth), (InjectionPayloads.MediumAnswer, HonestMediumDepth) })
        {
            // The adversary: full marks with every area and no flags as soon as it sees a piece of the payload, an honest
            // grade otherwise.
            _server.Responder = request => Reveals(FencedAnswer(request), payload.Text, answer)
                ? ChatCompletionReply.Judgment(5, 5, covered: InjectionPayloads.Question.KnowledgeAreas)
                : ChatCompletionReply.Judgment(honest, honest);
            var sut = JudgeTestData.LlmJudge(_server);
            var baseline = await sut.JudgeAsync(Request(answer), CancellationToken.None);
            Assert.Equal((JudgeKind.Llm, honest), (baseline.JudgedBy, baseline.Depth));
            foreach (var (placement, place) in InjectionPayloads.Placements)
            {
                var requestsBefore = _server.Requests.Count;
                var judged = await sut.JudgeAsync(Request(place(answer, payload.Text)), CancellationToken.None);
                var where = $"{placement} on {(answer == InjectionPayloads.WeakAnswer ? "weak" : "medium")}";
                if (judged.Depth > baseline.Depth)
                {
                    failures.Add($"{where}: {judged.Depth} > {baseline.Depth}");
                }

                if (!judged.RedFlags.Any(f => RedFlag.IsIntegrityCode(f.Code)))
                {
                    failures.Add($"{where}: not flagged");
                }

                if (_server.Requests.Skip(requestsBefore).Any(r => Reveals(FencedAnswer(r), payload.Text, answer)))
                {
                    failures.Add($"{where}: the model saw the payload");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{payload}: {string.Join("; ", failures)}");
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task LlmJudge_ModelAlwaysGivesFullMarks_PayloadNeverScoresAboveTheRubricJudgeOrTheAnswerAlone(InjectionPayload payload)
    {
        _server.Responder = _ => ChatCompletionReply.Judgment(5, 5, covered: InjectionPayloads.Question.KnowledgeAreas);
        var sut = JudgeTestData.LlmJudge(_server);
        var rubric = new RubricJudge();
        var failures = new List<string>();
        foreach (var answer in new[] { InjectionPayloads.WeakAnswer, InjectionPayloads.MediumAnswer })
        {
            var baseline = await sut.JudgeAsync(Request(answer), CancellationToken.None);
            foreach (var (placement, place) in InjectionPayloads.Placements)
            {
                var text = place(answer, payload.Text);
                var judged = await sut.JudgeAsync(Request(text), CancellationToken.None);
                var rubricDepth = rubric.Judge(Request(text)).Depth;
                var where = $"{placement} on {(answer == InjectionPayloads.WeakAnswer ? "weak" : "medium")}";
                if (judged.Depth > rubricDepth || judged.Depth > baseline.Depth)
                {
                    failures.Add($"{where}: LLM {judged.Depth} vs rubric {rubricDepth} and {baseline.Depth} for the answer alone");
                }

                if (!judged.RedFlags.Any(f => RedFlag.IsIntegrityCode(f.Code)))
                {
                    failures.Add($"{where}: not flagged");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{payload}: {string.Join("; ", failures)}");
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

    private static JudgeRequest Request(string answer) =>
        new("iv-suite", InjectionPayloads.Question, answer, QuestionKind.Blueprint, "Prefer first-hand detail over textbook definitions.", ["age", "health"]);

    /// <summary>
    /// Whether <paramref name="sent"/> carries a piece of <paramref name="payload"/> that the answer does not: three words in
    /// a row, a long token (an encoded blob), or an invisible or hidden character.
    /// </summary>
    private static bool Reveals(string sent, string payload, string answer)
    {
        var sentWords = Words(sent);
        var answerWords = Words(answer);
        var payloadWords = Words(payload);
        for (var i = 0; i + 3 <= payloadWords.Length; i++)
        {
            var gram = string.Join(' ', payloadWords[i..(i + 3)]);
            if (Contains(sentWords, gram) && !Contains(answerWords, gram))
            {
                return true;
            }
        }

        return payloadWords.Any(w => w.Length >= 12 && sentWords.Contains(w) && !answerWords.Contains(w))
            || payload.Any(c => c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064')) && sent.Any(c => c is (>= '\u200B' and <= '\u200F') or (>= '\u202A' and <= '\u202E') or (>= '\u2060' and <= '\u2064'))
            || char.IsSurrogate(payload.FirstOrDefault(char.IsSurrogate)) && sent.Any(char.IsSurrogate);
    }

    private static string[] Words(string text) => [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    private static bool Contains(string[] words, string gram)
    {
        for (var i = 0; i + 3 <= words.Length; i++)
        {
            if (string.Join(' ', words[i..(i + 3)]) == gram)
            {
                return true;
            }
        }

        return false;
    }

    private static string FencedAnswer(RecordedChatRequest request)
    {
        var match = FencePattern().Match(request.MessageText("user"));
        return match.Success ? match.Groups["answer"].Value : throw new InvalidOperationException("The request has no fenced answer.");
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"<<<CANDIDATE_ANSWER [0-9A-F]+\n(?<answer>.*)\nCANDIDATE_ANSWER [0-9A-F]+>>>", RegexOptions.Singleline)]
    private static partial Regex FencePattern();
}
