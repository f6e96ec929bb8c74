namespace ScreeningBot.Dialogs.Storage;

/// <summary>
/// A write lost a race: the ETag was stale, the record was deleted, or a create found the id taken.
/// The caller reloads and retries its turn. Adapters translate their own errors to this type
/// (Azure Tables 412/409, SQLite zero rows affected).
/// </summary>
public sealed class ConcurrencyConflictException : Exception
{
    public ConcurrencyConflictException()
        : this("The record was changed by someone else; reload it and try again.")
    {
    }

    public ConcurrencyConflictException(string message)
        : base(message)
    {
    }

    public ConcurrencyConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
