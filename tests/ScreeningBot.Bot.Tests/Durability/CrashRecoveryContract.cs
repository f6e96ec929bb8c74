using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// A real bot process killed with SIGKILL mid-interview and started again on the same storage, run on every backend by
/// the subclasses. Nothing of an interview lives in a process between turns, so the new process must carry on exactly
/// where the old one stopped, and a message the dead process may or may not have committed must count once when the
/// channel delivers it again.
/// </summary>
public abstract class CrashRecoveryContract : BotProcessTests
{
    /// <summary>Storage for this test, empty.</summary>
    private protected abstract DurabilityStorage CreateStorage();

    private protected sealed override Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started) => Task.FromResult(CreateStorage());

    [Fact]
    public async Task Interview_BotKilledHalfway_NextProcessAsksThePendingQuestionAndRecordsEveryAnswerOnce()
    {
        var driver = new InterviewDriver(Connector);
        string pendingAtCrash;
        await using (var first = await BotProcess.StartAsync("bot 1", Storage.BotSettings))
        {
            await driver.StartAsync(first);
            // Halfway: consent, the knockouts and two custom questions (with their follow-ups) answered.
            for (var turn = 1; (await Storage.InterviewOfAsync(driver.Candidate)).Record.Answers.Count < 2; turn++)
            {
                Assert.True(turn <= 30, "two questions were not answered within 30 turns");
                await driver.AnswerAsync(first);
            }

            pendingAtCrash = InterviewDriver.View(driver.Prompt);
            await first.KillAsync();
        }

        await using (var second = await BotProcess.StartAsync("bot 2 (after a SIGKILL)", Storage.BotSettings))
        {
            var repeated = await driver.SayAsync(second, "repeat");

            Assert.Equal(pendingAtCrash, InterviewDriver.View(repeated[^1]!));

            // Killed while a turn is in flight: the connection drops, so the channel delivers the message again to the next process.
            var (answer, text) = driver.NextAnswer();
            var inFlight = second.PostAsync(answer);
            await second.KillAsync();
            try
            {
                // Usually the connection dies with the process; if the turn won the race, its replies are lost all the same.
                (await inFlight).Dispose();
            }
            catch (HttpRequestException)
            {
            }

            await using var third = await BotProcess.StartAsync("bot 3 (after a SIGKILL mid-turn)", Storage.BotSettings);
            var redelivered = await driver.SendAsync(third, answer);
            driver.Took(text);
            var next = await driver.SayAsync(third, "repeat");
            if (redelivered.Count > 0)
            {
                // Bot 2 died before committing: bot 3 took the answer and asked the next question.
                Assert.Equal(InterviewDriver.View(redelivered[^1]!), InterviewDriver.View(next[^1]!));
            }

            Assert.NotEqual(pendingAtCrash, InterviewDriver.View(next[^1]!));
            for (var turn = 1; !driver.Ended; turn++)
            {
                Assert.True(turn <= 80, "the interview did not end within 80 more answers");
                await driver.AnswerAsync(third);
            }
        }

        var interview = await Storage.InterviewOfAsync(driver.Candidate);
        Assert.Equal(InterviewStatus.Completed, interview.Record.Status);
        var transcript = await Storage.TranscriptOfAsync(driver.Candidate);
        driver.AssertTranscript(transcript);
        Assert.Equal(interview.Record.NextTranscriptSequence, transcript.Count);
    }
}
