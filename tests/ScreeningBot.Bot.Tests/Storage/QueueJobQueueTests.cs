using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>The job queue contract on Azure Queue Storage (Azurite).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueueJobQueueTests(AzuriteFixture azurite) : JobQueueContract
{
    private readonly AzuriteTestAccount _account = new(azurite);

    protected override Task<IJobQueue> CreateQueueAsync() =>
        Task.FromResult<IJobQueue>(new QueueJobQueue(_account.Open(), _account.QueueName, Time, NullLogger<QueueJobQueue>.Instance));

    protected override async Task<IReadOnlyList<(string MessageId, string InterviewId, string Reason)>> ReadPoisonedAsync(IJobQueue queue) =>
        [.. (await ((QueueJobQueue)queue).ReadPoisonedAsync(CancellationToken.None)).Select(p => (p.MessageId, DialogsJson.Deserialize<ScoringJob>(p.Body).InterviewId, p.Reason))];

    /// <summary>
    /// Azurite hides messages by its own clock, which a fake cannot move, and its shortest timeout is one second:
    /// this is the one real wait in the storage suites (two tests, about a second each).
    /// </summary>
    protected override Task LetTimePassAsync(TimeSpan timeout) =>
        timeout <= ShortTimeout ? Task.Delay(timeout + TimeSpan.FromMilliseconds(250)) : Task.CompletedTask;

    public override Task DisposeAsync() => _account.DeleteAsync();
}
