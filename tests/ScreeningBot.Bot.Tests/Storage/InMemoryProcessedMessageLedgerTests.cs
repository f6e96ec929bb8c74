using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The processed-message ledger contract in memory.</summary>
public sealed class InMemoryProcessedMessageLedgerTests : ProcessedMessageLedgerContract
{
    private InMemoryProcessedMessageLedger? _ledger;

    protected override Task<IProcessedMessageLedger> CreateLedgerAsync() => Task.FromResult<IProcessedMessageLedger>(_ledger ??= new InMemoryProcessedMessageLedger(Time));
}
