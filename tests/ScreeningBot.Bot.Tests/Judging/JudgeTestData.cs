using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Judging;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary>A design question with areas and a reference answer, answers of known quality, and judge builders.</summary>
internal static class JudgeTestData
{
    public static readonly QuestionContext Caching = new(
        "bp-cache",
        "How would you add caching to a read-heavy product catalogue service?",
        ["cache invalidation", "TTL / expiry", "cache stampede", "consistency"],
        "Use cache-aside with Redis in front of the database: read the cache first, load from the database on a miss and "
        + "store the entry with a TTL. Delete or refresh entries when products change, for example from change events. "
        + "Guard hot keys against a stampede with request coalescing or a per-key lock, and accept stale reads for up to the TTL.");

    public const string WeakAnswer = "I would put Redis in front of the database and give entries a TTL.";

    public const string StrongAnswer =
        "We used cache-aside with Redis in front of Postgres and a 5 minute TTL with jitter. Product updates publish an event "
        + "and a consumer deletes the key, so invalidation lands within a second. After deploys hot keys caused a cache "
        + "stampede, so we added request coalescing with a short per-key lock. Readers may see stale prices for up to the "
        + "TTL, which we accepted because checkout reads from the database. p99 latency went from 180 ms to 25 ms.";

    public static JudgeRequest Request(string answer, QuestionKind kind = QuestionKind.Blueprint, int tokensSpent = 0, IReadOnlyList<string>? banned = null) =>
        new("iv-test", Caching, answer, kind, "Prefer first-hand detail over textbook definitions.", banned ?? ["age", "health"], tokensSpent);

    public static LlmJudgeOptions Options(int timeoutSeconds = 10) => new()
    {
        Provider = JudgeProvider.OpenAI,
        Model = "test-model",
        TimeoutSeconds = timeoutSeconds,
        InputPricePer1KTokensUsd = 0.005m,
        OutputPricePer1KTokensUsd = 0.015m,
    };

    /// <summary>The real Microsoft.Extensions.AI.OpenAI client pointed at <paramref name="server"/>.</summary>
    public static LlmJudgeOptions OptionsFor(OpenAiTestServer server, int timeoutSeconds = 10)
    {
        var options = Options(timeoutSeconds);
        options.Endpoint = server.OpenAiEndpoint.ToString();
        options.ApiKey = "sk-test-key";
        return options;
    }

    public static LlmJudge LlmJudge(Microsoft.Extensions.AI.IChatClient chat, LlmJudgeOptions options, TimeProvider? time = null) =>
        new(chat, new RubricJudge(), options, time ?? TimeProvider.System, NullLogger<LlmJudge>.Instance);

    public static LlmJudge LlmJudge(OpenAiTestServer server, TimeProvider? time = null, int timeoutSeconds = 10)
    {
        var options = OptionsFor(server, timeoutSeconds);
        return LlmJudge(LlmChatClientFactory.Create(options), options, time);
    }
}
