using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>
/// What a bot process with an LLM judge talks to in a fault test: SQLite storage, the Bot Connector, and the model,
/// which answers with <see cref="Reply"/>.
/// </summary>
public abstract class JudgedBotTests : IAsyncLifetime
{
    private DurabilityStorage? _storage;
    private FakeBotConnector? _connector;
    private OpenAiTestServer? _llm;

    private protected DurabilityStorage Storage => _storage ?? throw new InvalidOperationException("Not initialized.");

    private protected FakeBotConnector Connector => _connector ?? throw new InvalidOperationException("Not initialized.");

    private protected OpenAiTestServer Llm => _llm ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _storage = DurabilityStorage.OnSqlite();
        _connector = await FakeBotConnector.StartAsync(useHttps: false);
        _llm = await OpenAiTestServer.StartAsync();
        _llm.Responder = Reply;
    }

    public async Task DisposeAsync()
    {
        // Null when InitializeAsync failed part way.
        if (_llm is not null)
        {
            await _llm.DisposeAsync();
        }

        if (_connector is not null)
        {
            await _connector.DisposeAsync();
        }

        if (_storage is not null)
        {
            await _storage.DisposeAsync();
        }
    }

    /// <summary>The model's answer to a judgment or narrative request.</summary>
    protected abstract ChatCompletionReply Reply(RecordedChatRequest request);
}
