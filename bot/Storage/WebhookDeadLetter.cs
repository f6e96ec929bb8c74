using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// A webhook event that failed its last attempt (bot/Decisions/WebhookDispatcher.cs), kept with its body so a replay sends
/// the same bytes under the same idempotency key.
/// </summary>
/// <param name="Delivery">The event as last sent: id (the idempotency key), type, body, and the attempts it made.</param>
/// <param name="InterviewId">The interview the event is about.</param>
/// <param name="LastError">Why it was dead-lettered: the last attempt's failure, never the receiver's response text.</param>
/// <param name="DeadLetteredAt">When; also tells one dead-lettering of the event from a later one.</param>
internal sealed record WebhookDeadLetter(WebhookDelivery Delivery, string InterviewId, string LastError, DateTimeOffset DeadLetteredAt)
{
    public string EventId => Delivery.EventId;
}
