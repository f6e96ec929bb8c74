using Azure;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Translates Azure SDK failures at the adapter boundary. Callers first catch the statuses that mean something
/// to them (412/409 → <see cref="ConcurrencyConflictException"/>, 404 → not found) with exception filters, then
/// everything else through <see cref="IsStorageFailure"/> → <see cref="StorageUnavailableException"/>, so no Azure
/// exception type leaves bot/Storage.
/// </summary>
internal static class AzureErrors
{
    /// <summary>
    /// True for an SDK or transport failure: any <see cref="RequestFailedException"/>, retries exhausted
    /// (<see cref="AggregateException"/>), a socket or HTTP error, or a network timeout (a cancellation the caller
    /// did not ask for).
    /// </summary>
    public static bool IsStorageFailure(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        RequestFailedException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(e => IsStorageFailure(e, cancellationToken)),
        HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    /// <summary>True when the status says a pop receipt is stale or the message is already gone.</summary>
    public static bool IsGoneMessage(RequestFailedException exception) =>
        exception.Status == 404 || (exception.Status == 400 && exception.ErrorCode == "PopReceiptMismatch");

    public static StorageUnavailableException Unavailable(string action, Exception exception)
    {
        var detail = exception switch
        {
            RequestFailedException { Status: 0 } => "the service could not be reached",
            RequestFailedException { Status: 401 or 403 } denied =>
                $"access was denied ({denied.Status}, {denied.ErrorCode}); check Storage:ConnectionString, or give the identity the 'Storage Table Data Contributor' and 'Storage Queue Data Contributor' roles",
            RequestFailedException failed => $"the service answered {failed.Status} {failed.ErrorCode}",
            AggregateException => "the service could not be reached, retries included",
            OperationCanceledException => "the request timed out",
            _ => exception.Message,
        };
        return new StorageUnavailableException($"Azure Storage could not {action}: {detail}.", exception);
    }
}
