using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;
using ScreeningBot.Testing.BotFramework;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// A real bot process killed with SIGKILL mid-interview and started again on the same storage, run on every backend by
/// the subclasses. Nothing of an interview lives in a process between turns, so the new process must carry on exactly
/// where the old one stopped, and a message the dead process may or may not have committed must count once when the
/// channel delivers it again.
/// </summary>
public abstract class CrashRecoveryContract : IAsyncLifetime
{
    private DurabilityStorage _storage = null!;
    private FakeBotConnector _connector = null!;

    /// <summary>Storage for this test, empty.</summary>
    private protected abstract DurabilityStorage CreateStorage();

    public async Task InitializeAsync()
    {
        _storage = CreateStorage();
        _connector = await FakeBotConnector.StartAsync(useHttps: false);
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed part way.
        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    [Fact]
    public async Task Interview_BotKilledHalfway_NextProcessAsksThePendingQuestionAndRecordsEveryAnswerOnce()
    {
        var driver = new InterviewDriver(_connector);
        string pendingAtCrash;
        await using (var first = await BotProcess.StartAsync("bot 1", _storage.BotSettings))
        {
            await driver.StartAsync(first);
            // Halfway: consent, the knockouts and two custom questions (with their follow-ups) answered.
            for (var turn = 1; (await _storage.InterviewOfAsync(driver.Candidate)).Record.Answers.Count < 2; turn++)
            {
                Assert.True(turn <= 30, "two questions were not answered within 30 turns");
                await driver.AnswerAsync(first);
            }

            pendingAtCrash = InterviewDriver.View(driver.Prompt);
            await first.KillAsync();
        }

        await using (var second = await BotProcess.StartAsync("bot 2 (after a SIGKILL)", _storage.BotSettings))
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

            await using var third = await BotProcess.StartAsync("bot 3 (after a SIGKILL mid-turn)", _storage.BotSettings);
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

        var interview = await _storage.InterviewOfAsync(driver.Candidate);
        Assert.Equal(InterviewStatus.Completed, interview.Record.Status);
        var transcript = await _storage.TranscriptOfAsync(driver.Candidate);
        driver.AssertTranscript(transcript);
        Assert.Equal(interview.Record.NextTranscriptSequence, transcript.Count);
    }
}
