namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// The storage backend could not be reached or answered with a transient error. Nothing was written,
/// or the write is safe to retry. Hosts answer 503 with Retry-After; the candidate gets a short apology.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
        : this("Storage is unavailable right now; try again shortly.")
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
