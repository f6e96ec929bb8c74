namespace ScreeningBot.Testing.Storage;

/// <summary>What <see cref="StorageFaultProxy"/> does to a request a fault matches.</summary>
public enum StorageFaultKind
{
    /// <summary>Answers the error without forwarding: throttling, an outage of the front end.</summary>
    Refuse,

    /// <summary>Forwards (the service does the work), then answers the error: the response was lost on the way back.</summary>
    LoseResponse,
}
