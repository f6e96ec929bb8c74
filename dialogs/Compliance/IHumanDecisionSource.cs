namespace ScreeningBot.Dialogs.Compliance;

/// <summary>
/// Whether a person advanced a screened candidate: the second "selection" of the adverse-impact report. The bot registers
/// <see cref="Decisions.RecordedHumanDecisions"/> (the recruiters' advance/reject/hold history); <see cref="NoHumanDecisions"/>
/// knows none.
/// </summary>
public interface IHumanDecisionSource
{
    /// <summary>True when a person advanced the candidate of <paramref name="interviewId"/>, false when they decided otherwise, null when nobody has decided.</summary>
    Task<bool?> WasAdvancedAsync(string interviewId, CancellationToken cancellationToken);
}

/// <summary>The <see cref="IHumanDecisionSource"/> while no decisions are recorded: it knows of none.</summary>
public sealed class NoHumanDecisions : IHumanDecisionSource
{
    public static NoHumanDecisions Instance { get; } = new();

    public Task<bool?> WasAdvancedAsync(string interviewId, CancellationToken cancellationToken) => Task.FromResult<bool?>(null);
}
