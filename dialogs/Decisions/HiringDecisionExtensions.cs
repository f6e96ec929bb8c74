namespace ScreeningBot.Dialogs.Decisions;

/// <summary>Words for a <see cref="HiringDecision"/>.</summary>
public static class HiringDecisionExtensions
{
    /// <summary>As a status: "Advanced", "Rejected", "On hold".</summary>
    public static string ToDisplay(this HiringDecision decision) => decision switch
    {
        HiringDecision.Advance => "Advanced",
        HiringDecision.Reject => "Rejected",
        HiringDecision.Hold => "On hold",
        _ => decision.ToString(),
    };

    /// <summary>The verb a recruiter types and the value a button carries: <c>advance</c>, <c>reject</c>, <c>hold</c>.</summary>
    public static string ToVerb(this HiringDecision decision) => decision switch
    {
        HiringDecision.Advance => "advance",
        HiringDecision.Reject => "reject",
        HiringDecision.Hold => "hold",
        _ => decision.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a verb or button value (<see cref="ToVerb"/>), case-insensitively; null for anything else.</summary>
    public static HiringDecision? FromVerb(string? verb) => verb?.Trim().ToLowerInvariant() switch
    {
        "advance" => HiringDecision.Advance,
        "reject" => HiringDecision.Reject,
        "hold" => HiringDecision.Hold,
        _ => null,
    };
}
