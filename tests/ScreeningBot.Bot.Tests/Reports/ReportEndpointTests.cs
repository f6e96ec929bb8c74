using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Tests.Rendering;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Reports;

public sealed class ReportEndpointTests
{
    private static BotAppFactory CreateBot() => new(new Dictionary<string, string?>
    {
        ["Reports:BaseUrl"] = "https://bot.example.com",
        ["Reports:SigningKey"] = "a-test-signing-key-that-is-long-enough-1234",
    });

    private static async Task<string> SeedAsync(BotAppFactory bot, string candidateText)
    {
        var scorecard = ScorecardFixtures.Typical with { InterviewId = "iv-reportreportreportre" };
        await bot.Services.GetRequiredService<IReportStore>().SaveAsync(new StoredReport(scorecard.InterviewId, scorecard, scorecard.CompletedAt), CancellationToken.None);
        await bot.Services.GetRequiredService<ITranscriptStore>().AppendAsync(
            scorecard.InterviewId,
            [new TranscriptTurn { InterviewId = scorecard.InterviewId, Sequence = 0, Timestamp = scorecard.StartedAt, Speaker = Speaker.Candidate, Phase = Phase.CustomQuestions, QuestionId = "q", Text = candidateText }],
            CancellationToken.None);
        var link = new Uri(bot.Services.GetRequiredService<ReportLinks>().Create(scorecard.InterviewId)!);
        return link.PathAndQuery;
    }

    [Fact]
    public async Task GetReport_ValidLink_ServesTheReportAsSafeHtml()
    {
        await using var bot = CreateBot();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var path = await SeedAsync(bot, "We cut p95 to 80 ms. <script>alert('x')</script> [click](http://evil.example)");

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h1>Screening report: Jane Doe</h1>", html, StringComparison.Ordinal);
        Assert.Contains("We cut p95 to 80 ms.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://evil.example\"", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task GetReport_ForgedSignature_IsNotFound()
    {
        await using var bot = CreateBot();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var path = await SeedAsync(bot, "An answer.");

        var response = await client.GetAsync(new Uri(path[..^2] + "xx", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetReport_ForgottenCandidate_IsNotFound()
    {
        await using var bot = CreateBot();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };
        var path = await SeedAsync(bot, "An answer.");
        await bot.Services.GetRequiredService<IReportStore>().DeleteAsync("iv-reportreportreportre", CancellationToken.None);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task GetReport_LinksOff_IsNotFound()
    {
        await using var bot = new BotAppFactory();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress };

        var response = await client.GetAsync(new Uri("/reports/iv-reportreportreportre?expires=9999999999&sig=abc", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Startup_BaseUrlWithoutSigningKey_FailsWithAClearMessage()
    {
        await using var bot = new BotAppFactory(new Dictionary<string, string?> { ["Reports:BaseUrl"] = "https://bot.example.com" });

        var e = Assert.ThrowsAny<Exception>(() => bot.BaseAddress);

        Assert.Contains("Reports:SigningKey must hold a secret", e.ToString(), StringComparison.Ordinal);
    }
}
