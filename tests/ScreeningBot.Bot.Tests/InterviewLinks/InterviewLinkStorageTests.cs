using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Tests.Turns;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>Storage down while a candidate answers on the page: nothing is lost, the page is told to retry, and the retry counts once.</summary>
public sealed class InterviewLinkStorageTests
{
    [Fact]
    public async Task Answer_StorageDown_Gets503WithRetryAfterAndTheSameMessageAgainIsTakenOnce()
    {
        var store = new ControllableInterviewStore();
        await using var bot = LinkBot.Start(configureServices: services => services.AddSingleton<IInterviewStore>(store));
        var (interview, link) = await bot.InviteAsync();
        var jane = bot.Candidate(link);
        await jane.ReadAsync();
        var answer = new JsonObject { ["id"] = "outage-0001", ["choice"] = "yes", ["questionId"] = "consent", ["after"] = jane.Cursor }.ToJsonString();

        store.FailingFinds = 1;
        using var refused = await jane.PostRawAsync(answer);
        using var retried = await jane.PostRawAsync(answer);
        using var again = await jane.PostRawAsync(answer);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", Assert.Single(refused.Headers.GetValues("Retry-After")));
        Assert.Equal("unavailable", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["reason"]);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var stored = await store.GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal(Dialogs.Waterfall.InterviewStatus.InProgress, stored!.Interview.Status);
        var transcript = await bot.Service<ITranscriptStore>().ReadAsync(interview.Id, CancellationToken.None);
        Assert.Single(transcript, t => t.Speaker == Dialogs.Screening.Speaker.Candidate);
    }

    [Fact]
    public async Task PageAndRead_StorageDown_SayItIsBrieflyUnavailable()
    {
        var store = new ControllableInterviewStore();
        await using var bot = LinkBot.Start(configureServices: services => services.AddSingleton<IInterviewStore>(store));
        var (_, link) = await bot.InviteAsync();
        var jane = bot.Candidate(link);

        store.FailingFinds = 2;
        using var page = await jane.GetPageAsync();
        using var read = await bot.Client.GetAsync(new Uri(jane.MessagesPath, UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Nothing you said is lost", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(page.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jane.GetPageAsync()).StatusCode);
    }
}
