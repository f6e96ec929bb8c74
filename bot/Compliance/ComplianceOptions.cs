using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Compliance;

/// <summary>Section <c>Compliance</c>: how the adverse-impact report treats small groups.</summary>
internal sealed class ComplianceOptions
{
    public const string SectionName = "Compliance";

    /// <summary>
    /// Fewest candidates a group needs before its selection rate and impact ratio are shown. Below it a group is counted but
    /// not judged: a rate over three people says little, and a small group's figures can point at a person. Five is the usual
    /// small-cell threshold in published statistics; raise it for larger hiring rounds.
    /// </summary>
    [Range(1, 1000)]
    public int MinimumGroupSize { get; set; } = 5;
}
