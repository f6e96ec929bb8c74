using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage.Sweep;

/// <summary>The scoring sweep on Azure Tables and Queues (Azurite), each instance with its own clients.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableScoringSweepTests(AzuriteFixture azurite) : ScoringSweepContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Instance CreateInstance()
    {
        var account = _account.Open();
        return new Instance(
            this,
            new TableInterviewStore(account),
            new TableTranscriptStore(account),
            new TableReportStore(account),
            new QueueJobQueue(account, _account.QueueName, Time, NullLogger<QueueJobQueue>.Instance),
            new TableProcessedMessageLedger(account, Time),
            new TablePostedMessageStore(account),
            new TableUnpostedInterviews(account));
    }

    public override Task DisposeAsync() => _account.DeleteAsync();
}
