using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>The bot host with the Judge section set: the LLM judge wired in, and bad settings stopping start-up.</summary>
public sealed class LlmJudgeHostingTests
{
    [Fact]
    public async Task Startup_OpenAICompatibleJudge_ServesWithTheLlmJudgeAndNarrator()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        await using var factory = new BotAppFactory(new Dictionary<string, string?>
        {
            ["Judge:Provider"] = "OpenAI",
            ["Judge:Endpoint"] = server.OpenAiEndpoint.ToString(),
            ["Judge:Model"] = "test-model",
        });

        _ = factory.BaseAddress;

        var metered = Assert.IsType<MeteredAnswerJudge>(factory.Services.GetRequiredService<IAnswerJudge>()); // bot/Telemetry times every judgment
        Assert.IsType<LlmJudge>(metered.Inner);
        Assert.IsType<LlmScorecardNarrator>(factory.Services.GetRequiredService<IScorecardNarrator>());
    }

    [Theory]
    [InlineData("Gemini", null, "Judge:Provider 'Gemini' is not a judge provider; use one of Rubric, AzureOpenAI, OpenAI.")]
    [InlineData("AzureOpenAI", null, "Judge:Provider is AzureOpenAI but Judge:Endpoint is empty.")]
    [InlineData("OpenAI", "http://192.0.2.10/v1", "uses plain http to another machine")]
    public async Task Startup_BadJudgeSettings_FailWithTheSettingToFix(string provider, string? endpoint, string expected)
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?>
        {
            ["Judge:Provider"] = provider,
            ["Judge:Endpoint"] = endpoint,
            ["Judge:Deployment"] = "gpt-4o-mini",
            ["Judge:Model"] = "gpt-4o-mini",
        });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains(expected, e.ToString(), StringComparison.Ordinal);
    }
}
