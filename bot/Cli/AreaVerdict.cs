using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Cli;

/// <summary>One labelled area and what the judge said about it.</summary>
internal sealed record AreaVerdict(string ItemId, string Split, string Area, string Label, CoverageStatus Predicted, string? Evidence, int Line)
{
    /// <summary>The judge claims the area is not covered at all.</summary>
    public bool ClaimsAbsent => Predicted == CoverageStatus.Absent;

    public bool IsAbsent => Label == "absent";
}
