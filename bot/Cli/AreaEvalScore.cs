namespace ScreeningBot.Bot.Cli;

/// <summary>Precision and recall of "not covered" claims on one split.</summary>
internal sealed record AreaEvalScore(string Split, int Labels, int Absent, int Claimed, int Correct)
{
    /// <summary>Share of "not covered" claims that are right (1 when none was made).</summary>
    public double Precision => Claimed == 0 ? 1 : (double)Correct / Claimed;

    /// <summary>Share of truly absent areas the judge calls not covered (1 when there are none).</summary>
    public double Recall => Absent == 0 ? 1 : (double)Correct / Absent;
}
