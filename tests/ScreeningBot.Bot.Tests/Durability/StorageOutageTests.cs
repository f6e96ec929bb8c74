using System.Net;
using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Durability;

/// <summary>
/// Azure Table Storage goes away mid-interview and comes back: an Azurite of this class's own (never the shared one,
/// which other tests use), persisting to a folder, stopped and started again on the same ports and data under a running
/// bot process.
/// </summary>
public sealed class StorageOutageTests : BotProcessTests
{
    private AzuriteProcess _azurite = null!;

    private protected override async Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started)
    {
        _azurite = started.Add(await AzuriteProcess.StartAsync(persistent: true));
        return DurabilityStorage.OnTables(_azurite.ConnectionString);
    }

    [Fact]
    public async Task Interview_StorageStoppedMidInterview_AsksForARetryLosesNothingAndContinuesWhenBack()
    {
        await using var bot = await BotProcess.StartAsync("bot", Storage.BotSettings);
        var driver = new InterviewDriver(Connector);
        await driver.StartAsync(bot);
        for (var turn = 0; turn < 4; turn++)
        {
            await driver.AnswerAsync(bot);
        }

        var pending = InterviewDriver.View(driver.Prompt);
        var messagesBefore = Connector.Activities.Count(x => x.ConversationId == driver.Conversation && x.ActivityType == "message");

        await _azurite.StopAsync();
        var (answer, text) = driver.NextAnswer();
        using (var refused = await bot.PostAsync(answer))
        {
            Assert.True(refused.StatusCode == HttpStatusCode.ServiceUnavailable, $"expectReplies with storage down: {(int)refused.StatusCode} {await refused.Content.ReadAsStringAsync()}");
            Assert.Equal(TimeSpan.FromSeconds(BotFrameworkAdapter.RetryAfterSeconds), refused.Headers.RetryAfter?.Delta);
        }

        // The same answer typed in Teams (normal delivery): the candidate is asked through the connector to send it again.
        var typed = driver.Activities.PersonalMessage(driver.Candidate, text);
        using (var apologized = await bot.PostAsync(typed))
        {
            Assert.Equal(HttpStatusCode.OK, apologized.StatusCode);
        }

        var apology = await Connector.WaitForAsync(r => r.Any(x => x.ConversationId == driver.Conversation && x.Text == TurnText.StorageDown), TimeSpan.FromSeconds(30), "the apology");
        Assert.Equal(messagesBefore + 1, apology.Count(x => x.ConversationId == driver.Conversation && x.ActivityType == "message"));
        using (var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        await _azurite.StartAgainAsync();
        var retried = await driver.SendAsync(bot, answer);
        driver.Took(text);
        var redelivered = await driver.SendAsync(bot, answer);

        Assert.NotEmpty(retried);
        Assert.NotEqual(pending, InterviewDriver.View(driver.Prompt));
        Assert.Empty(redelivered);
        for (var turn = 0; turn < 3; turn++)
        {
            await driver.AnswerAsync(bot);
        }

        Assert.False(bot.HasExited);
        driver.AssertTranscript(await Storage.TranscriptOfAsync(driver.Candidate));
    }
}
