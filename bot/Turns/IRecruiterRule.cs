namespace ScreeningBot.Bot.Turns;

/// <summary>
/// A channel's own rule that makes the sender of a command a recruiter, beside <c>Screening:Recruiters</c> and
/// <c>Screening:RecruiterTeams</c>: membership of a Slack user group, or the local playground. Only asked for commands
/// that need the right (never for help or usage).
/// </summary>
internal interface IRecruiterRule
{
    /// <summary>True when the rule makes <see cref="Turn.From"/> a recruiter for this turn. Must not throw for a lookup that failed: false then.</summary>
    ValueTask<bool> VouchesForAsync(Turn turn, CancellationToken cancellationToken);
}
