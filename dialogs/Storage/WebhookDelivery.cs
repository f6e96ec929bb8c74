namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// One outbound webhook event on its way (bot/Decisions/WebhookDispatcher.cs): the body is fixed when the event happens,
/// so every attempt sends the same bytes under the same <see cref="EventId"/> (the receiver's idempotency key).
/// </summary>
/// <param name="EventId">Stable id of the event, sent as the idempotency key on every attempt.</param>
/// <param name="EventType"><c>scorecard.posted</c> or <c>decision.recorded</c>.</param>
/// <param name="Body">The JSON body, exactly as signed and sent.</param>
/// <param name="Attempt">1 for the first attempt, counting up with each retry.</param>
public sealed record WebhookDelivery(string EventId, string EventType, string Body, int Attempt);
