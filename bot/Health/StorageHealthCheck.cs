using Microsoft.Extensions.Diagnostics.HealthChecks;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Health;

/// <summary>
/// Readiness: storage answers a read. The probe asks the processed-message ledger for a key no turn uses, the same kind of
/// read every turn starts with, so it fails exactly when turns would (SQLite file unreachable, Azure Storage down).
/// </summary>
internal sealed class StorageHealthCheck(IProcessedMessageLedger ledger, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public const string Name = "storage";

    /// <summary>Never a turn's key: those are <c>turn:</c> + a SHA-256 (bot/Turns/TurnHost).</summary>
    public const string ProbeKey = "health-probe";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            await ledger.ContainsAsync(ProbeKey, cancellationToken);
            return HealthCheckResult.Healthy("storage answered");
        }
        catch (StorageUnavailableException e)
        {
            HealthLog.StorageProbeFailed(logger, e);
            return new HealthCheckResult(context.Registration.FailureStatus, "storage is unavailable; turns are answered 'please send it again' until it is back");
        }
    }
}
