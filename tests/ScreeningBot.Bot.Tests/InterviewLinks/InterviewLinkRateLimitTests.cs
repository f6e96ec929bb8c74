using System.Net;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.InterviewLinks;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>
/// The two token buckets in front of the interview-link routes, with small limits: one link's requests, and one client
/// address's requests over any links. Buckets refill over a minute, so nothing here waits for one to refill.
/// </summary>
public sealed class InterviewLinkRateLimitTests
{
    [Fact]
    public async Task OneLink_OverItsLimit_Gets429WithRetryAfterWhileOtherLinksWork()
    {
        await using var bot = LinkBot.Start(new Dictionary<string, string?> { ["InterviewLinks:RequestsPerMinutePerLink"] = "5" });
        var (_, busy) = await bot.InviteAsync("Jane Doe", "jane@example.com");
        var (_, quiet) = await bot.InviteAsync("Bob Lee", "bob@example.com");
        var jane = bot.Candidate(busy);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await jane.GetPageAsync()).StatusCode);
        }

        using var refused = await bot.Client.GetAsync(new Uri(jane.MessagesPath, UriKind.Relative));
        using var answer = await jane.PostRawAsync("""{"id":"limited-01","text":"yes"}""");
        using var other = await bot.Candidate(quiet).GetPageAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("rate-limited", (string?)JsonNode.Parse(await refused.Content.ReadAsStringAsync())!["reason"]);
        Assert.Equal("no-referrer", Assert.Single(refused.Headers.GetValues("Referrer-Policy")));
        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(60)]
    [InlineData(65)]
    [InlineData(300)]
    public void Bucket_HoldsAMinutesRequestsAndRefillsAtThatRate(int perMinute)
    {
        var bucket = InterviewLinkRateLimits.Bucket(perMinute);

        Assert.Equal(perMinute, bucket.TokenLimit);
        Assert.Equal(perMinute, bucket.TokensPerPeriod / bucket.ReplenishmentPeriod.TotalMinutes, precision: 6);
        Assert.InRange(bucket.ReplenishmentPeriod, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));
        Assert.Equal(0, bucket.QueueLimit);
    }

    [Fact]
    public async Task OneAddress_OverItsLimitAcrossLinks_Gets429EvenForGuessedTokens()
    {
        await using var bot = LinkBot.Start(new Dictionary<string, string?> { ["InterviewLinks:RequestsPerMinutePerAddress"] = "10" });
        var links = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            links.Add((await bot.InviteAsync($"Candidate {i}", $"c{i}@example.com")).Link);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var response = i % 4 == 3
                ? await bot.Client.GetAsync(new Uri($"/interview/guess-{i}", UriKind.Relative))
                : await bot.Candidate(links[i % 3]).GetPageAsync();
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(10, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.NotFound));
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses[10..]);
        // Other routes are not limited by the interview links' buckets.
        using var health = await bot.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
