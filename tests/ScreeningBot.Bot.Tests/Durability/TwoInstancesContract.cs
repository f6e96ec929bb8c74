using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// Two real bot processes on one storage answering turns of the same interview, as two instances behind a load balancer
/// would: alternately, the same activity to both at once (a redelivery racing the original), and two different messages
/// at once. Nothing may be lost, duplicated or reordered. Each process keeps the interviews it worked on in its cache
/// (InterviewCache in dialogs/Screening), so every alternation finds the other process's copy stale: these runs are the
/// cache's correctness test with several instances. Run on every backend by the subclasses.
/// </summary>
public abstract class TwoInstancesContract : BotProcessTests
{
    // Races only early on: an answer racing "help" could end the interview, and "help" after the end is not a turn.
    private const int RacingTurns = 12;

    /// <summary>Storage for this test, empty.</summary>
    private protected abstract DurabilityStorage CreateStorage();

    private protected sealed override Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started) => Task.FromResult(CreateStorage());

    [Fact]
    public async Task Interview_TurnsSpreadAndRacedOverTwoProcesses_EveryMessageRecordedOnceInOrder()
    {
        var starting = new[] { BotProcess.StartAsync("bot A", Storage.BotSettings), BotProcess.StartAsync("bot B", Storage.BotSettings) };
        await using var a = await starting[0];
        await using var b = await starting[1];
        var driver = new InterviewDriver(Connector);
        await driver.StartAsync(a);

        var turn = 0;
        for (; !driver.Ended; turn++)
        {
            Assert.True(turn < 80, "the interview did not end within 80 turns");
            switch (turn < RacingTurns ? turn % 4 : turn % 2)
            {
                case 0:
                    await driver.AnswerAsync(a);
                    break;
                case 1:
                    await driver.AnswerAsync(b);
                    break;
                case 2:
                {
                    // The same activity to both processes at once: exactly one takes it, the other sees a duplicate.
                    var (activity, text) = driver.NextAnswer();
                    var replies = await Task.WhenAll(driver.SendAsync(a, activity), driver.SendAsync(b, activity));
                    Assert.True(replies.Count(r => r.Count > 0) == 1, $"turn {turn}: {replies[0].Count} replies from A and {replies[1].Count} from B; exactly one should answer");
                    driver.Took(text);
                    break;
                }

                default:
                {
                    // Two different messages at once (an answer and "help"): both taken, one after the other, in either order.
                    var (answer, answerText) = driver.NextAnswer();
                    var (help, helpText) = driver.Message("help");
                    var replies = await Task.WhenAll(driver.SendAsync(a, answer), driver.SendAsync(b, help));
                    Assert.All(replies, r => Assert.NotEmpty(r));
                    driver.Took(answerText, helpText);
                    await driver.SayAsync(b, "repeat");
                    break;
                }
            }
        }

        Assert.True(turn > RacingTurns, $"the interview ended after {turn} turns, before the racing turns were over");
        var interview = await Storage.InterviewOfAsync(driver.Candidate);
        Assert.Equal(InterviewStatus.Completed, interview.Record.Status);
        Assert.Equal(interview.Record.Answers.Count, interview.Record.Answers.Select(x => x.QuestionId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(interview.Record.Knockouts.Count, interview.Record.Knockouts.Select(k => k.KnockoutId).Distinct(StringComparer.Ordinal).Count());
        var transcript = await Storage.TranscriptOfAsync(driver.Candidate);
        driver.AssertTranscript(transcript);
        Assert.Equal(interview.Record.NextTranscriptSequence, transcript.Count);
        await Connector.WaitForAsync(r => r.Any(x => x.Operation == "createConversation" && x.Card is not null), TimeSpan.FromSeconds(30), "the scorecard from either process's scoring worker");
    }
}
