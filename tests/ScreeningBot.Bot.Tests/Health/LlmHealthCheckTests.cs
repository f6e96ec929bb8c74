using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Health;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Health;

public sealed class LlmHealthCheckTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Check_ModelAnswers_IsHealthyAndAsksAtMostOncePerInterval()
    {
        var chat = FakeChatClient.Returning("OK");
        using var sut = CreateSut(chat);

        var first = await sut.CheckHealthAsync(Context(sut));
        _time.Advance(LlmHealthCheck.ProbeInterval - TimeSpan.FromSeconds(1));
        var cached = await sut.CheckHealthAsync(Context(sut));
        _time.Advance(TimeSpan.FromSeconds(2));
        var again = await sut.CheckHealthAsync(Context(sut));

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Healthy, cached.Status);
        Assert.Equal(HealthStatus.Healthy, again.Status);
        Assert.Equal(2, chat.Calls.Count);
    }

    [Fact]
    public async Task Check_ModelFails_IsDegradedNotUnhealthyAndSaysNoMore()
    {
        var chat = new FakeChatClient { GetResponseAsyncCallback = (_, _, _) => throw new HttpRequestException("401 Unauthorized: key sk-secret is invalid") };
        using var sut = CreateSut(chat);

        var result = await sut.CheckHealthAsync(Context(sut));

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.DoesNotContain("sk-secret", result.Description, StringComparison.Ordinal);
        Assert.Null(result.Exception);
    }

    [Theory]
    [InlineData("Rubric", new[] { "storage" })]
    [InlineData("OpenAI", new[] { "storage", "llm" })]
    public void AddScreeningBotHealthChecks_ProbesTheModelOnlyWhenOneIsConfigured(string provider, string[] expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Judge:Provider"] = provider }).Build();
        using var services = new ServiceCollection().AddScreeningBotHealthChecks(configuration).BuildServiceProvider();

        var checks = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations;

        Assert.Equal(expected, checks.Select(c => c.Name));
        Assert.All(checks, c => Assert.Contains(HealthServiceCollectionExtensions.ReadyTag, c.Tags));
    }

    private LlmHealthCheck CreateSut(FakeChatClient chat) =>
        new(chat, Options.Create(new LlmJudgeOptions { Provider = JudgeProvider.OpenAI, TimeoutSeconds = 5 }), _time, NullLogger<LlmHealthCheck>.Instance);

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration(LlmHealthCheck.Name, check, HealthStatus.Unhealthy, [HealthServiceCollectionExtensions.ReadyTag]) };
}
