namespace ScreeningBot.Bot.Storage;

/// <summary>What one <see cref="ScoringSweep.RunOnceAsync"/> did on this instance.</summary>
/// <param name="Owned">Whether this instance won the pass's lease and looked at the store; false means another instance runs this pass.</param>
/// <param name="Requeued">Scoring jobs this instance queued again.</param>
internal readonly record struct ScoringSweepPass(bool Owned, int Requeued)
{
    /// <summary>Another instance owns this pass.</summary>
    public static ScoringSweepPass Skipped => default;
}
