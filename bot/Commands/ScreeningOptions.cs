using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// Section <c>Screening</c>: how interviews behave (the core's <see cref="InterviewOptions"/>), who may run recruiter commands,
/// and where scorecards go. The profiles folder (<c>Screening:ProfilesPath</c>) is read where the profiles are loaded.
/// </summary>
internal sealed class ScreeningOptions : InterviewOptions
{
    /// <summary>
    /// User ids allowed to recruit: Slack user ids (<c>U…</c>), Teams AAD object ids, or Teams user ids (<c>29:…</c>).
    /// Empty means nobody; refusals tell the user their id so the operator can add it.
    /// </summary>
    public IList<string> Recruiters { get; } = [];

    /// <summary>Teams team ids whose members may recruit (commands typed in a channel of that team).</summary>
    public IList<string> RecruiterTeams { get; } = [];

    /// <summary>Hiring channel per profile id, overriding the profile's <c>hiringChannels</c> (Slack channel id or Teams channel id).</summary>
    public IDictionary<string, string> HiringChannels { get; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
