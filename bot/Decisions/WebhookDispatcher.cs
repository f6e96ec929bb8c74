using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Sends one queued webhook event (<see cref="Storage.JobQueueWorker"/> hands it over): POSTs the body with its signature,
/// timestamp and idempotency key. A 2xx answer completes the job. Anything else (an error status, no answer, a timeout)
/// enqueues the next attempt with a doubling backoff (<see cref="WebhookOptions.BackoffAfter"/>), until the
/// <see cref="WebhookOptions.MaxAttempts"/>th failure moves the event to the dead letters (<see cref="IWebhookDeadLetterStore"/>),
/// logged as an Error, listed and replayed with <c>webhook dead-letters</c> / <c>webhook replay</c> (<see cref="WebhookCommand"/>).
/// The next attempt, or the dead letter, is stored before this job is completed, so a crash between the two can repeat an
/// attempt, never lose one; receivers drop repeats by the idempotency key.
/// </summary>
internal sealed class WebhookDispatcher(
    IJobQueue queue,
    IWebhookDeadLetterStore deadLetters,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger)
{
    /// <summary>The named HTTP client: no redirects (a signed POST goes where it was configured to, or fails) and no retries of its own.</summary>
    public const string HttpClientName = "webhook";

    /// <summary>Longest failure reason kept with a dead letter (it holds an exception message at most).</summary>
    private const int MaxReasonLength = 1_000;

    public async Task DeliverAsync(QueuedJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var delivery = job.Job.Webhook ?? throw new ArgumentException("The job carries no webhook event.", nameof(job));
        var settings = options.Value;
        if (!settings.Enabled)
        {
            await DeadLetterAsync(job, delivery, "Webhook:Url is not configured any more", cancellationToken);
            return;
        }

        var failure = await SendAsync(delivery, settings, cancellationToken);
        if (failure is null)
        {
            await queue.CompleteAsync(job, cancellationToken);
            DecisionLog.WebhookDelivered(logger, job.Job.InterviewId, delivery.EventType, delivery.EventId, delivery.Attempt);
            return;
        }

        if (delivery.Attempt >= settings.MaxAttempts)
        {
            await DeadLetterAsync(job, delivery, $"failed {delivery.Attempt} attempts (Webhook:MaxAttempts); last: {failure}", cancellationToken);
            return;
        }

        var wait = settings.BackoffAfter(delivery.Attempt);
        await queue.EnqueueAsync(job.Job with { Webhook = delivery with { Attempt = delivery.Attempt + 1 }, NotBefore = time.GetUtcNow() + wait }, cancellationToken);
        await queue.CompleteAsync(job, cancellationToken);
        DecisionLog.WebhookAttemptFailed(logger, job.Job.InterviewId, delivery.EventType, delivery.EventId, delivery.Attempt, settings.MaxAttempts, failure, (long)wait.TotalSeconds);
    }

    /// <summary>One POST; returns null on a 2xx answer, else what went wrong (no response body, which is the receiver's text).</summary>
    private async Task<string?> SendAsync(WebhookDelivery delivery, WebhookOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(settings.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = new StringContent(delivery.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(settings.Secret!, timestamp, delivery.Body));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.IdempotencyHeader, delivery.EventId);
        request.Headers.Add(WebhookSignature.EventHeader, delivery.EventType);
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("ScreeningBot-Webhook", "1"));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        }
        catch (HttpRequestException e)
        {
            return $"no answer ({e.Message})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {settings.Timeout.TotalSeconds:0} s (Webhook:Timeout)";
        }
    }

    private async Task DeadLetterAsync(QueuedJob job, WebhookDelivery delivery, string reason, CancellationToken cancellationToken)
    {
        var lastError = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] + "…" : reason;
        await deadLetters.AddAsync(new WebhookDeadLetter(delivery, job.Job.InterviewId, lastError, time.GetUtcNow()), cancellationToken);
        await queue.CompleteAsync(job, cancellationToken);
        DecisionLog.WebhookDeadLettered(logger, job.Job.InterviewId, delivery.EventType, delivery.EventId, reason);
    }
}
