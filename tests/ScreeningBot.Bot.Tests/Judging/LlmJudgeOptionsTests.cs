using Microsoft.Extensions.Configuration;
using ScreeningBot.Bot.Judging;

namespace ScreeningBot.Bot.Tests.Judging;

public sealed class LlmJudgeOptionsTests
{
    [Fact]
    public void Validate_Defaults_RubricIsValid()
    {
        var sut = new LlmJudgeOptions();

        var result = new LlmJudgeOptionsValidator().Validate(null, sut);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.Equal(JudgeProvider.Rubric, sut.Provider);
        Assert.False(sut.IsLlm);
    }

    [Fact]
    public void Validate_AzureWithoutEndpointOrDeployment_SaysWhatToSet()
    {
        var sut = new LlmJudgeOptions { Provider = JudgeProvider.AzureOpenAI };

        var failures = Failures(sut);

        Assert.Contains(failures, f => f.Contains("Judge:Endpoint is empty", StringComparison.Ordinal) && f.Contains("https://my-resource.openai.azure.com/", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Judge:Deployment is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AzureWithoutKey_IsValidBecauseEntraIdIsUsed()
    {
        var sut = new LlmJudgeOptions { Provider = JudgeProvider.AzureOpenAI, Endpoint = "https://my-resource.openai.azure.com/", Deployment = "gpt-4o-mini" };

        Assert.Empty(Failures(sut));
    }

    [Fact]
    public void Validate_OpenAIWithoutModel_SaysSo()
    {
        var failures = Failures(new LlmJudgeOptions { Provider = JudgeProvider.OpenAI, Endpoint = "http://localhost:11434/v1" });

        Assert.Contains("Judge:Model is empty", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OpenAIWithoutEndpointOrKey_AsksForTheKeyThroughTheEnvironment()
    {
        var failures = Failures(new LlmJudgeOptions { Provider = JudgeProvider.OpenAI, Model = "gpt-4o-mini" });

        Assert.Contains("Judge__ApiKey", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://localhost:11434/v1", true)]
    [InlineData("http://127.0.0.1:8000/v1", true)]
    [InlineData("https://api.example.test/v1", true)]
    [InlineData("http://10.1.2.3:8000/v1", false)]
    [InlineData("ftp://example.test/", false)]
    [InlineData("not a url", false)]
    public void Validate_Endpoint_PlainHttpOnlyToThisMachine(string endpoint, bool valid)
    {
        var failures = Failures(new LlmJudgeOptions { Provider = JudgeProvider.OpenAI, Model = "m", Endpoint = endpoint });

        Assert.Equal(valid, failures.Length == 0);
        Assert.All(failures, f => Assert.Contains(endpoint, f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_OnlyOnePrice_AsksForBoth()
    {
        var failures = Failures(new LlmJudgeOptions { InputPricePer1KTokensUsd = 0.001m });

        Assert.Contains("Set both Judge:InputPricePer1KTokensUsd and Judge:OutputPricePer1KTokensUsd", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(121)]
    public void Validate_TimeoutOutOfRange_Fails(int seconds)
    {
        var failures = Failures(new LlmJudgeOptions { TimeoutSeconds = seconds });

        Assert.Contains("TimeoutSeconds", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void EstimateUsd_PricesPerThousandTokens()
    {
        var options = new LlmJudgeOptions { InputPricePer1KTokensUsd = 0.0025m, OutputPricePer1KTokensUsd = 0.01m };

        Assert.Equal(0.0350m, LlmCost.EstimateUsd(options, 10_000, 1_000));
        Assert.Null(LlmCost.EstimateUsd(new LlmJudgeOptions(), 10_000, 1_000));
    }

    [Fact]
    public void Bind_EmptyTemperature_SendsNone()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Judge:Temperature"] = "" }).Build();

        var sut = configuration.GetSection(LlmJudgeOptions.SectionName).Get<LlmJudgeOptions>()!;

        Assert.Null(sut.Temperature);
    }

    private static string[] Failures(LlmJudgeOptions options)
    {
        var result = new LlmJudgeOptionsValidator().Validate(null, options);
        return result.Failed ? [.. result.Failures] : [];
    }
}
