using System.Diagnostics;
using System.Text.RegularExpressions;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.OpenAi;
using Xunit.Abstractions;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// Sixteen candidates answer a real bot process at once while its LLM judge (the loopback OpenAI-compatible server)
/// fails in every way a hosted model does: 429 with a Retry-After far beyond the deadline, a hang, a content-filter
/// refusal, malformed JSON every time. Each question gets one fault for every candidate. No candidate waits for the
/// next question longer than <c>Judge:TimeoutSeconds</c> (plus a margin for a loaded machine), every interview ends, every
/// scorecard posts, and each says how many answers fell back to the rubric judge.
/// </summary>
public sealed partial class LlmFaultTests(ITestOutputHelper output) : JudgedBotTests
{
    private const int Candidates = 16;
    private const int TimeoutSeconds = 2;

    // Sixteen candidates' turns share a loaded 2-core machine with the bot; a hang without a deadline would last the
    // test client's 30 s, so this still tells a bounded turn from an unbounded one.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(8);

    private static readonly string[] Faults = [LlmCall.RateLimited, LlmCall.Timeout, LlmCall.ContentFilter, LlmCall.InvalidOutput];

    private readonly Dictionary<string, string> _faultByQuestion = new(StringComparer.Ordinal);

    [Fact]
    public async Task Interviews_LlmFailingEveryWay_NoTurnWaitsPastTheJudgeTimeoutAndEveryScorecardCountsTheFallbacks()
    {
        var settings = Storage.BotSettingsWith(Llm.JudgeSettings(TimeoutSeconds));
        var activities = new TeamsActivities(Connector.ServiceUrl, "screener-durability");
        var drivers = Enumerable.Range(1, Candidates).Select(i => new InterviewDriver(Connector, $"Candidate {i:D2}", activities)).ToArray();
        await using var bot = await BotProcess.StartAsync("bot", settings);
        foreach (var driver in drivers)
        {
            await driver.StartAsync(bot);
        }

        var latencies = await Task.WhenAll(drivers.Select(d => FinishAsync(bot, d)));

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var bound = TimeSpan.FromSeconds(TimeoutSeconds) + Margin;
        output.WriteLine($"{all.Length} turns: median {all[all.Length / 2].TotalMilliseconds:0} ms, slowest {all[^1].TotalMilliseconds:0} ms (bound {bound.TotalMilliseconds:0} ms)");
        Assert.True(all[^1] < bound, $"a candidate waited {all[^1].TotalSeconds:0.0} s for the next question; the judge may take {TimeoutSeconds} s. Bot output:\n{bot.Output()}");

        var posted = await Connector.WaitForAsync(r => drivers.All(d => d.ScorecardsIn(r).Count > 0), TimeSpan.FromSeconds(120), "sixteen scorecards");
        var reasons = new List<string>();
        foreach (var driver in drivers)
        {
            var interview = await Storage.InterviewOfAsync(driver.Candidate);
            Assert.Equal(InterviewStatus.Completed, interview.Record.Status);
            var judged = interview.Record.Answers.Where(a => !a.Skipped).Select(a => a.Judgment).ToArray();
            Assert.NotEmpty(judged);
            Assert.All(judged, j => Assert.Equal(JudgeKind.RubricFallback, j.JudgedBy));
            reasons.AddRange(judged.Select(j => j.FallbackReason!));

            // The recruiter sees how many answers the rubric judge scored instead, on the card itself.
            var card = driver.ScorecardsIn(posted)[^1].Card!.ToJsonString();
            Assert.True(
                card.Contains($"LLM judge; {judged.Length} of {judged.Length} answers fell back to the offline rubric judge", StringComparison.Ordinal),
                $"{driver.Candidate.Name}'s scorecard does not count {judged.Length} fallbacks: {card}");
        }

        Assert.Equal(Faults.Order(StringComparer.Ordinal), reasons.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
    }

    /// <summary>Answers until the interview ends; returns how long each answer waited for its reply.</summary>
    private static async Task<List<TimeSpan>> FinishAsync(BotProcess bot, InterviewDriver driver)
    {
        var latencies = new List<TimeSpan>();
        for (var turn = 1; !driver.Ended; turn++)
        {
            Assert.True(turn <= 80, $"{driver.Candidate.Name}'s interview did not end within 80 turns");
            var started = Stopwatch.GetTimestamp();
            await driver.AnswerAsync(bot);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        return latencies;
    }

    /// <summary>
    /// Judgments: the fault of the question (assigned in the order questions first arrive, so all four occur). Narratives:
    /// rate-limited, so the sixteen scoring jobs do not queue behind hangs.
    /// </summary>
    protected override ChatCompletionReply Reply(RecordedChatRequest request)
    {
        if (request.IsNarrative)
        {
            return ChatCompletionReply.RateLimited(3600);
        }

        var question = QuestionPattern().Match(request.MessageText("system")).Groups["question"].Value;
        string fault;
        lock (_faultByQuestion)
        {
            if (!_faultByQuestion.TryGetValue(question, out fault!))
            {
                fault = Faults[_faultByQuestion.Count % Faults.Length];
                _faultByQuestion[question] = fault;
            }
        }

        return fault switch
        {
            LlmCall.RateLimited => ChatCompletionReply.RateLimited(3600),
            LlmCall.Timeout => ChatCompletionReply.Stalled(TimeSpan.FromMinutes(10)),
            LlmCall.ContentFilter => ChatCompletionReply.PromptFiltered(),
            _ => ChatCompletionReply.Completion("{\"depth\": 4, \"specificity\": "),
        };
    }

    [GeneratedRegex(@"## Question[^\n]*\n(?<question>.*?)\n\n## Knowledge areas", RegexOptions.Singleline)]
    private static partial Regex QuestionPattern();
}
