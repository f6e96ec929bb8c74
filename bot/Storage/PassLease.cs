using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// One owner per pass of a periodic background job that runs on every bot instance (bot/Reminders/ReminderWorker.cs,
/// <see cref="ScoringSweep"/>). Time is cut into slots of one interval; the instance that first records
/// <c>{pass}:{slot}</c> in the processed-message ledger (atomic across instances on every store) runs the pass of that
/// slot, and the others skip it. The lease is held for its slot only: when its owner stops, another instance takes the
/// next slot. A record lives two intervals, so a pass that overran its slot cannot be claimed a second time.
/// </summary>
internal static class PassLease
{
    /// <summary>
    /// Claims the pass named <paramref name="pass"/> for the slot of <paramref name="interval"/> that holds
    /// <paramref name="now"/>; true when this instance runs it.
    /// </summary>
    /// <exception cref="StorageUnavailableException">The ledger is down: nobody knows who owns the pass, so skip it.</exception>
    public static Task<bool> TryTakeAsync(IProcessedMessageLedger ledger, string pass, TimeSpan interval, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrWhiteSpace(pass);
        var slot = now.UtcTicks / Math.Max(1, interval.Ticks);
        return ledger.TryRecordAsync($"{pass}:{slot}", interval * 2, cancellationToken);
    }
}
