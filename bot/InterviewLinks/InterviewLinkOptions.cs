using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Interview links (section <c>InterviewLinks</c>): candidates outside the Teams tenant or Slack workspace are interviewed on a
/// page behind a signed link. Without a base URL links are off and <c>screen jane@example.com …</c> says what to set.
/// </summary>
internal sealed class InterviewLinkOptions
{
    public const string SectionName = "InterviewLinks";

    /// <summary>The bot's public https address, e.g. <c>https://screeningbot.azurewebsites.net</c>; empty = no interview links.</summary>
    /// <remarks>Checked by <see cref="InterviewLinkOptionsValidator"/> (not <c>[Url]</c>, which would reject the empty default).</remarks>
    public string? BaseUrl { get; set; }

    /// <summary>
    /// Secret that signs interview links (at least 32 characters; from Key Vault or an environment variable, never committed).
    /// Every instance needs the same key; changing it breaks every link sent so far.
    /// </summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// Requests one link may make per minute (page, reads and answers together), as a token bucket of this size refilled
    /// evenly over the minute. The page makes about two per answer (the answer, and its waiting read waking up) and three a
    /// minute while idle; 60 lets a candidate click through the first questions as fast as they like and still stops a
    /// script that found a link.
    /// </summary>
    [Range(5, 6_000)]
    public int RequestsPerMinutePerLink { get; set; } = 60;

    /// <summary>
    /// Requests one client address may make per minute to any link, so guessing or replaying links from one place is slow.
    /// Several candidates can share an address (an office, a university), hence well above the per-link limit.
    /// </summary>
    [Range(10, 60_000)]
    public int RequestsPerMinutePerAddress { get; set; } = 300;

    /// <summary>
    /// Largest answer request accepted (bytes): a 20,000-character answer (<c>Screening:MaxAnswerCharacters</c>) in UTF-8 with
    /// JSON escapes fits; a larger body gets 413 before it is parsed.
    /// </summary>
    [Range(4_096, 1_048_576)]
    public int MaxBodyBytes { get; set; } = 131_072;

    /// <summary>
    /// The Bot Connector address the bot uses for a Teams hiring channel named on the command line (<c>invite --channel
    /// teams:19:…</c>), where no Teams message supplies one. Microsoft's global Teams endpoint works for every public-cloud tenant.
    /// </summary>
    [Url]
    public string TeamsServiceUrl { get; set; } = "https://smba.trafficmanager.net/teams/";

    public bool Enabled => !string.IsNullOrWhiteSpace(BaseUrl);
}
