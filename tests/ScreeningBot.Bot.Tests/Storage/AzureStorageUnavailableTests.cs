using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using ScreeningBot.Bot.Storage.Tables;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Tests.Storage;

/// <summary>
/// With the storage service down (here: a loopback port nobody listens on), every Azure adapter fails fast with
/// <see cref="StorageUnavailableException"/>: bounded retries, no Azure exception type escaping.
/// </summary>
public sealed class AzureStorageUnavailableTests
{
    // Retries are bounded to about two seconds; allow for a loaded two-core machine.
    private static readonly TimeSpan FailFast = TimeSpan.FromSeconds(15);

    private readonly AzureStorageAccount _account = AzureStorageAccount.FromConnectionString(ClosedPortConnectionString(), "unreachable");

    public static TheoryData<string> Operations => ["interview", "transcript", "report", "ledger", "queue"];

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Operation_ServiceDown_ThrowsStorageUnavailableWithinSeconds(string operation)
    {
        var stopwatch = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => operation switch
        {
            "interview" => new TableInterviewStore(_account).GetAsync("iv-1", CancellationToken.None),
            "transcript" => new TableTranscriptStore(_account).AppendAsync("iv-1", [StorageTestData.Turn("iv-1", 0)], CancellationToken.None),
            "report" => new TableReportStore(_account).DeleteAsync("iv-1", CancellationToken.None),
            "ledger" => new TableProcessedMessageLedger(_account, TimeProvider.System).TryRecordAsync("m-1", TimeSpan.FromHours(1), CancellationToken.None),
            _ => new QueueJobQueue(_account, "jobs", TimeProvider.System, NullLogger<QueueJobQueue>.Instance).ReceiveAsync(1, TimeSpan.FromMinutes(1), CancellationToken.None),
        });

        Assert.True(stopwatch.Elapsed < FailFast, $"took {stopwatch.Elapsed}");
        Assert.StartsWith("Azure Storage could not", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Operation_CallerCancels_ThrowsOperationCanceledNotUnavailable()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();
        var sut = new TableInterviewStore(_account);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.GetAsync("iv-1", cancellation.Token));
    }

    private static string ClosedPortConnectionString()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            $"TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";
    }
}
