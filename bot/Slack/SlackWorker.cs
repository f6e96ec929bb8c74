namespace ScreeningBot.Bot.Slack;

/// <summary>Runs queued Slack work: one loop per <see cref="SlackWorkQueue"/> partition. A failure is logged and the loop goes on.</summary>
internal sealed class SlackWorker(SlackWorkQueue queue, SlackRequestProcessor processor, ILogger<SlackWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.Partitions).Select(p => RunAsync(p, stoppingToken)));

    private async Task RunAsync(int partition, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var work in queue.Reader(partition).ReadAllAsync(stoppingToken))
            {
                try
                {
                    await processor.ProcessAsync(work, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    SlackLog.WorkCancelled(logger, work.Description);
                    return;
                }
#pragma warning disable CA1031 // One failed request must not stop the worker that serves every other conversation.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    SlackLog.WorkFailed(logger, work.Description, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down with work still queued; see SlackWorkQueue for why that is acceptable.
        }
    }
}
