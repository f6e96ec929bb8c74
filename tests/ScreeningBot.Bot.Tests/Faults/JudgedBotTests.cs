using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// What a bot process with an LLM judge talks to in a fault test: SQLite storage, the Bot Connector, and the model,
/// which answers with <see cref="Reply"/>.
/// </summary>
public abstract class JudgedBotTests : BotProcessTests
{
    private OpenAiTestServer? _llm;

    private protected OpenAiTestServer Llm => _llm ?? throw new InvalidOperationException("Not initialized.");

    private protected override Task<DurabilityStorage> StartStorageAsync(AsyncDisposables started) => Task.FromResult(DurabilityStorage.OnSqlite());

    private protected override async Task StartMoreAsync(AsyncDisposables started)
    {
        _llm = started.Add(await OpenAiTestServer.StartAsync());
        _llm.Responder = Reply;
    }

    /// <summary>The model's answer to a judgment or narrative request.</summary>
    protected abstract ChatCompletionReply Reply(RecordedChatRequest request);
}
