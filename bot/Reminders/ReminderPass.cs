namespace ScreeningBot.Bot.Reminders;

/// <summary>What one <see cref="ReminderWorker.RunOnceAsync"/> did on this instance.</summary>
/// <param name="Owned">Whether this instance won the pass's lease; false means another instance runs this pass.</param>
/// <param name="Nudged">Nudges this instance sent.</param>
/// <param name="Expired">Screens this instance expired.</param>
internal readonly record struct ReminderPass(bool Owned, int Nudged, int Expired)
{
    /// <summary>Another instance owns this pass.</summary>
    public static ReminderPass Skipped => default;
}
