using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Dialogs.Decisions;

/// <summary>
/// People's decisions for the adverse-impact report, from the recorded decision history: advanced when the current decision
/// is Advance, not advanced when it is Reject, undecided while there is none or the candidate is on hold.
/// </summary>
public sealed class RecordedHumanDecisions(IDecisionStore decisions) : IHumanDecisionSource
{
    public async Task<bool?> WasAdvancedAsync(string interviewId, CancellationToken cancellationToken) =>
        (await decisions.GetAsync(interviewId, cancellationToken)).Current?.Decision switch
        {
            HiringDecision.Advance => true,
            HiringDecision.Reject => false,
            _ => null,
        };
}
