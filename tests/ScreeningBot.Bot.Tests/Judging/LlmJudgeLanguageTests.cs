using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>The LLM judge's CEFR rating of language answers, over the wire against the loopback OpenAI-compatible server.</summary>
public sealed class LlmJudgeLanguageTests : IAsyncLifetime
{
    private const string Answer = "In my last role I led the migration of our billing service, and I would invest earlier in contract tests next time.";

    private OpenAiTestServer _server = null!;

    public async Task InitializeAsync() => _server = await OpenAiTestServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("B2", CefrLevel.B2)]
    [InlineData(" c1+ ", CefrLevel.C1)]
    [InlineData("A2-", CefrLevel.A2)]
    [InlineData("none", null)]
    [InlineData(null, null)]
    public async Task JudgeAsync_LanguageQuestion_KeepsTheValidatedLevel(string? sent, CefrLevel? expected)
    {
        _server.Enqueue(ChatCompletionReply.Judgment(3, languageLevel: sent));

        var judgment = await JudgeTestData.LlmJudge(_server).JudgeAsync(JudgeTestData.Request(Answer, QuestionKind.Language), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(expected, judgment.LanguageLevel);
    }

    [Fact]
    public async Task JudgeAsync_LanguageQuestion_PutsTheCefrDescriptorsInTheSystemPromptOnly()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(3, languageLevel: "B2"));

        await JudgeTestData.LlmJudge(_server).JudgeAsync(JudgeTestData.Request(Answer, QuestionKind.Language), CancellationToken.None);

        var messages = Assert.Single(_server.Requests).Json["messages"]!.AsArray();
        var system = (string?)messages[0]!["content"] ?? messages[0]!["content"]!.ToJsonString();
        var user = messages[1]!["content"]!.ToJsonString();
        Assert.Contains("C1 = well-structured, precise text", system, StringComparison.Ordinal);
        Assert.Contains("languageLevel", system, StringComparison.Ordinal);
        Assert.DoesNotContain("C1 = well-structured", user, StringComparison.Ordinal);
        var schema = _server.Requests[0].Json["response_format"]!["json_schema"]!["schema"]!;
        Assert.Contains("languageLevel", schema["required"]!.AsArray().Select(n => (string?)n));
    }

    [Theory]
    [InlineData("B3")]
    [InlineData("Advanced")]
    [InlineData("C1 because the candidate writes well")]
    public async Task JudgeAsync_MalformedLevelTwice_IsRejectedAndFallsBack(string level)
    {
        _server.Enqueue(ChatCompletionReply.Judgment(4, languageLevel: level), ChatCompletionReply.Judgment(4, languageLevel: level));

        var judgment = await JudgeTestData.LlmJudge(_server).JudgeAsync(JudgeTestData.Request(Answer, QuestionKind.Language), CancellationToken.None);

        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal(JudgeKind.RubricFallback, judgment.JudgedBy);
        Assert.Null(judgment.LanguageLevel);
    }

    [Fact]
    public async Task JudgeAsync_MalformedLevelThenValid_UsesTheRetry()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(4, languageLevel: "D1"), ChatCompletionReply.Judgment(4, languageLevel: "C2"));

        var judgment = await JudgeTestData.LlmJudge(_server).JudgeAsync(JudgeTestData.Request(Answer, QuestionKind.Language), CancellationToken.None);

        Assert.Equal(JudgeKind.Llm, judgment.JudgedBy);
        Assert.Equal(CefrLevel.C2, judgment.LanguageLevel);
    }

    [Fact]
    public async Task JudgeAsync_OtherQuestion_IgnoresALevelAndSaysNoneInThePrompt()
    {
        _server.Enqueue(ChatCompletionReply.Judgment(3, languageLevel: "C2"));

        var judgment = await JudgeTestData.LlmJudge(_server).JudgeAsync(JudgeTestData.Request(Answer), CancellationToken.None);

        Assert.Null(judgment.LanguageLevel);
        var system = _server.Requests[0].Json["messages"]![0]!["content"]!.ToJsonString();
        Assert.DoesNotContain("C1 = well-structured", system, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JudgeAsync_LanguageAnswerCopyingTheQuestion_GetsNoLevel()
    {
        var copied = JudgeTestData.Request(Answer, QuestionKind.Language);
        copied = copied with { Answer = copied.Question.Text };
        _server.Enqueue(ChatCompletionReply.Judgment(3, languageLevel: "C2"));

        var judgment = await JudgeTestData.LlmJudge(_server).JudgeAsync(copied, CancellationToken.None);

        Assert.Contains(judgment.RedFlags, f => f.Code == RedFlag.CopiedQuestion);
        Assert.Null(judgment.LanguageLevel);
    }
}
