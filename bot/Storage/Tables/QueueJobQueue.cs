using System.Text.Json;
using Azure;
using Azure.Storage.Queues;
using ScreeningBot.Dialogs.Serialization;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Scoring jobs in Azure Queue Storage. A received message is hidden for the visibility timeout and comes back
/// with a higher DequeueCount unless it is deleted with its pop receipt. A poisoned job is sent to the queue
/// <c>{name}-poison</c> as a <see cref="PoisonedJob"/> envelope (reason included), then deleted from the main queue.
/// </summary>
internal sealed class QueueJobQueue(AzureStorageAccount account, string queueName, TimeProvider time, ILogger<QueueJobQueue> logger) : IJobQueue
{
    /// <summary>Azure receives at most 32 messages per call.</summary>
    private const int MaxBatch = 32;

    // Azure accepts visibility timeouts from 1 second to 7 days.
    private static readonly TimeSpan MinVisibility = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxVisibility = TimeSpan.FromDays(7);

    public string PoisonQueueName { get; } = queueName + "-poison";

    public async Task EnqueueAsync(ScoringJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var queue = await account.GetQueueAsync(queueName, cancellationToken);
            // A job waits for as long as it takes (TTL -1): a bot stopped for a week still scores the interview. A retry's
            // backoff (NotBefore) is the message's initial invisibility.
            var delay = job.NotBefore - time.GetUtcNow();
            TimeSpan? hidden = delay >= MinVisibility ? (delay > MaxVisibility ? MaxVisibility : delay) : null;
            await queue.SendMessageAsync(DialogsJson.Serialize(job), visibilityTimeout: hidden, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("enqueue a scoring job", e);
        }
    }

    public async Task<IReadOnlyList<QueuedJob>> ReceiveAsync(int maxJobs, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxJobs);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibilityTimeout, TimeSpan.Zero);
        var visibility = visibilityTimeout < MinVisibility ? MinVisibility : visibilityTimeout > MaxVisibility ? MaxVisibility : visibilityTimeout;
        try
        {
            var queue = await account.GetQueueAsync(queueName, cancellationToken);
            var messages = await queue.ReceiveMessagesAsync(Math.Min(maxJobs, MaxBatch), visibility, cancellationToken);
            var jobs = new List<QueuedJob>(messages.Value.Length);
            foreach (var message in messages.Value)
            {
                var body = message.Body.ToString();
                ScoringJob job;
                try
                {
                    job = DialogsJson.Deserialize<ScoringJob>(body);
                }
                catch (JsonException e)
                {
                    StorageLog.MalformedJob(logger, e, message.MessageId);
                    await PoisonAsync(queue, message.MessageId, message.PopReceipt, body, (int)message.DequeueCount, "The message is not a scoring job: " + e.Message, cancellationToken);
                    continue;
                }

                jobs.Add(new QueuedJob(job, message.MessageId, message.PopReceipt, (int)message.DequeueCount));
            }

            return jobs;
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("receive scoring jobs", e);
        }
    }

    public async Task CompleteAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var queue = await account.GetQueueAsync(queueName, cancellationToken);
            await queue.DeleteMessageAsync(job.MessageId, job.Receipt, cancellationToken);
        }
        catch (RequestFailedException e) when (AzureErrors.IsGoneMessage(e))
        {
            // Completed already, or delivered again meanwhile: the newer holder of the message owns it now.
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("complete a scoring job", e);
        }
    }

    public async Task ReleaseAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        try
        {
            var queue = await account.GetQueueAsync(queueName, cancellationToken);
            await queue.UpdateMessageAsync(job.MessageId, job.Receipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (AzureErrors.IsGoneMessage(e))
        {
            // Completed or delivered again meanwhile: the newer holder owns it.
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("release a scoring job", e);
        }
    }

    public async Task MoveToPoisonAsync(QueuedJob job, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(reason);
        try
        {
            var queue = await account.GetQueueAsync(queueName, cancellationToken);
            await PoisonAsync(queue, job.MessageId, job.Receipt, DialogsJson.Serialize(job.Job), job.DequeueCount, reason, cancellationToken);
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("move a scoring job to the poison queue", e);
        }
    }

    /// <summary>Up to 32 poisoned jobs, oldest first, without removing them: for operators and tests.</summary>
    public async Task<IReadOnlyList<PoisonedJob>> ReadPoisonedAsync(CancellationToken cancellationToken)
    {
        try
        {
            var poison = await account.GetQueueAsync(PoisonQueueName, cancellationToken);
            var messages = await poison.PeekMessagesAsync(MaxBatch, cancellationToken);
            return [.. messages.Value.Select(m => JsonSerializer.Deserialize(m.Body.ToString(), StorageJsonContext.Default.PoisonedJob)!)];
        }
        catch (Exception e) when (AzureErrors.IsStorageFailure(e, cancellationToken))
        {
            throw AzureErrors.Unavailable("read the poison queue", e);
        }
    }

    private async Task PoisonAsync(QueueClient queue, string messageId, string receipt, string body, int dequeueCount, string reason, CancellationToken cancellationToken)
    {
        // Prove the receipt is still ours first (and keep the message hidden while we work): a caller whose
        // receipt went stale must not poison a job that someone else now holds.
        string current;
        try
        {
            current = (await queue.UpdateMessageAsync(messageId, receipt, visibilityTimeout: TimeSpan.FromMinutes(1), cancellationToken: cancellationToken)).Value.PopReceipt;
        }
        catch (RequestFailedException e) when (AzureErrors.IsGoneMessage(e))
        {
            return;
        }

        var envelope = new PoisonedJob(messageId, body, dequeueCount, reason, time.GetUtcNow());
        var poison = await account.GetQueueAsync(PoisonQueueName, cancellationToken);

        // Poisoned jobs wait for an operator; they never expire on their own (TTL -1).
        await poison.SendMessageAsync(JsonSerializer.Serialize(envelope, StorageJsonContext.Default.PoisonedJob), visibilityTimeout: null, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken);
        await queue.DeleteMessageAsync(messageId, current, cancellationToken);
    }
}
