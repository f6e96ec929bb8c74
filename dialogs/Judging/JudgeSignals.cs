namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Names a judge puts in <see cref="Judgment.FollowUpFocus"/> when no knowledge area is missing but a kind of
/// detail is. Profiles key adaptive follow-ups by the same names (<c>probes: metrics</c>).
/// </summary>
internal static class JudgeSignals
{
    /// <summary>No numbers: ask for sizes, latencies, percentages.</summary>
    public const string Metrics = "metrics";

    /// <summary>No trade-off language: ask what was given up and why.</summary>
    public const string TradeOffs = "tradeoffs";

    /// <summary>No first-hand account: ask what the candidate personally did.</summary>
    public const string Ownership = "ownership";

    /// <summary>No concrete example: ask for one.</summary>
    public const string Example = "example";
}
