using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Tests.Judging;

public sealed class JudgingServiceCollectionExtensionsTests
{
    [Fact]
    public void AddScreeningJudge_NothingConfigured_OfflineJudgeAndTemplateNarrator()
    {
        using var sut = Build([]);

        Assert.IsType<RubricJudge>(sut.GetRequiredService<IAnswerJudge>());
        Assert.IsType<TemplateScorecardNarrator>(sut.GetRequiredService<IScorecardNarrator>());
    }

    [Fact]
    public void AddScreeningJudge_OpenAICompatible_LlmJudgeOverALoggedAndTracedChatClient()
    {
        using var sut = Build(new() { ["Judge:Provider"] = "openai", ["Judge:Endpoint"] = "http://localhost:11434/v1", ["Judge:Model"] = "llama3.1:8b" });

        Assert.IsType<LlmJudge>(sut.GetRequiredService<IAnswerJudge>());
        Assert.IsType<LlmScorecardNarrator>(sut.GetRequiredService<IScorecardNarrator>());
        var chat = sut.GetRequiredKeyedService<IChatClient>(JudgingServiceCollectionExtensions.ChatClientKey);
        Assert.NotNull(chat.GetService<LoggingChatClient>());
        Assert.NotNull(chat.GetService<OpenTelemetryChatClient>());
        Assert.Equal("llama3.1:8b", chat.GetService<ChatClientMetadata>()?.DefaultModelId);
        Assert.Null(sut.GetService<IChatClient>());
    }

    [Fact]
    public void AddScreeningJudge_AzureWithEntraId_BuildsWithoutAKey()
    {
        using var sut = Build(new() { ["Judge:Provider"] = "AzureOpenAI", ["Judge:Endpoint"] = "https://my-resource.openai.azure.com/", ["Judge:Deployment"] = "gpt-4o-mini" });

        Assert.IsType<LlmJudge>(sut.GetRequiredService<IAnswerJudge>());
    }

    [Fact]
    public void AddScreeningJudge_AzureWithoutEndpoint_FailsWithTheSettingToFix()
    {
        using var sut = Build(new() { ["Judge:Provider"] = "AzureOpenAI", ["Judge:Deployment"] = "gpt-4o-mini" });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IAnswerJudge>());

        Assert.Contains("Judge:Endpoint is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddScreeningJudge_UnknownProvider_FailsNamingTheChoices()
    {
        using var sut = Build(new() { ["Judge:Provider"] = "Gemini" });

        var error = Assert.Throws<OptionsValidationException>(() => sut.GetRequiredService<IAnswerJudge>());

        Assert.Equal("Judge:Provider 'Gemini' is not a judge provider; use one of Rubric, AzureOpenAI, OpenAI.", error.Message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScreeningJudge(configuration);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
