using ScreeningBot.Bot.Tests.Durability;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Faults;

/// <summary>What a bot process with an LLM judge talks to in a fault test: SQLite storage, the Bot Connector, the model.</summary>
internal sealed class JudgedBotRig : IAsyncDisposable
{
    private JudgedBotRig(DurabilityStorage storage, FakeBotConnector connector, OpenAiTestServer llm)
    {
        Storage = storage;
        Connector = connector;
        Llm = llm;
    }

    public DurabilityStorage Storage { get; }

    public FakeBotConnector Connector { get; }

    public OpenAiTestServer Llm { get; }

    /// <summary>Starts the servers; the model answers with <paramref name="responder"/>.</summary>
    public static async Task<JudgedBotRig> StartAsync(Func<RecordedChatRequest, ChatCompletionReply> responder)
    {
        var storage = DurabilityStorage.OnSqlite();
        FakeBotConnector? connector = null;
        try
        {
            connector = await FakeBotConnector.StartAsync(useHttps: false);
            var llm = await OpenAiTestServer.StartAsync();
            llm.Responder = responder;
            return new JudgedBotRig(storage, connector, llm);
        }
        catch
        {
            if (connector is not null)
            {
                await connector.DisposeAsync();
            }

            await storage.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Llm.DisposeAsync();
        await Connector.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
