namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>One webhook request as <see cref="WebhookReceiver"/> saw it.</summary>
internal sealed record ReceivedWebhook(string Signature, string Timestamp, string IdempotencyKey, string EventType, string ContentType, string Body);
