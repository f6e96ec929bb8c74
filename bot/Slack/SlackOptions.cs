using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// The Slack app (section <c>Slack</c>). Secrets come from the environment (<c>Slack__SigningSecret</c>,
/// <c>Slack__BotToken</c>) or Key Vault references, never from the committed appsettings.json.
/// Without a signing secret Slack is off: its endpoints answer 503 instead of accepting unsigned requests.
/// </summary>
internal sealed partial class SlackOptions : IValidatableObject
{
    public const string SectionName = "Slack";

    /// <summary>Signing Secret (Basic Information &gt; App Credentials); verifies every request from Slack.</summary>
    [NotKeyVaultReference]
    public string SigningSecret { get; set; } = string.Empty;

    /// <summary>Bot User OAuth Token (<c>xoxb-…</c>, OAuth &amp; Permissions) for the Web API.</summary>
    [NotKeyVaultReference]
    [RegularExpression(@"^(xoxb-\S+)?$", ErrorMessage = "Slack:BotToken must be the Bot User OAuth Token, which starts with 'xoxb-' (OAuth & Permissions in the Slack app).")]
    public string BotToken { get; set; } = string.Empty;

    /// <summary>Web API base address; tests point it at a loopback fake.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>A Slack user group (<c>S…</c>) whose members may recruit, in addition to <c>Screening:Recruiters</c>. Needs scope usergroups:read.</summary>
    [RegularExpression("^(S[A-Z0-9]{2,30})?$", ErrorMessage = "Slack:RecruiterUserGroup must be a user group id like S0123ABCD (the id, not the @handle), or empty.")]
    public string RecruiterUserGroup { get; set; } = string.Empty;

    /// <summary>How long the user group's member list is reused; short, so removing someone takes effect soon.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Slack:RecruiterUserGroupCacheDuration must be between 00:00:00 and 01:00:00.")]
    public TimeSpan RecruiterUserGroupCacheDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Largest request body accepted. Interaction payloads carry the whole clicked message, so allow some room.</summary>
    [Range(4_096, 4 * 1024 * 1024, ErrorMessage = "Slack:MaxBodyBytes must be between 4096 and 4194304.")]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Timeout of one Web API attempt. Slack normally answers in well under a second.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00", ErrorMessage = "Slack:AttemptTimeout must be between 00:00:00.050 and 00:01:00.")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Base delay of the exponential backoff between retries (a 429's Retry-After wins over it).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:30", ErrorMessage = "Slack:RetryDelay must be between 00:00:00.001 and 00:00:30.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The Slack app's id (<c>A…</c>, Basic Information &gt; App Credentials). When set, requests Slack signs for any other app
    /// are ignored. The signing secret already belongs to one app, so this is a second lock, for installs that share a host.
    /// </summary>
    [RegularExpression("^(A[A-Z0-9]{2,30})?$", ErrorMessage = "Slack:AppId must be the app's id like A0123ABCD (Basic Information > App Credentials), or empty.")]
    public string AppId { get; set; } = string.Empty;

    /// <summary>
    /// Workspaces (<c>T…</c>) whose requests are served; requests from any other are ignored. Empty means the one workspace
    /// of <see cref="BotToken"/> (asked once with <c>auth.test</c>); list them for an organisation-wide install.
    /// </summary>
    public IList<string> TeamIds { get; } = [];

    /// <summary>True when a signing secret is set, i.e. the Slack endpoints accept requests.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(SigningSecret);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (IsConfigured && string.IsNullOrWhiteSpace(BotToken))
        {
            yield return new ValidationResult(
                "Slack:BotToken is required when Slack:SigningSecret is set: copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions into Slack__BotToken.",
                [nameof(BotToken)]);
        }

        foreach (var team in TeamIds.Where(t => !TeamIdFormat().IsMatch(t)))
        {
            yield return new ValidationResult($"Slack:TeamIds contains '{team}', which is not a workspace id like T0123ABCD.", [nameof(TeamIds)]);
        }

        if (ApiBaseUrl is { } url && (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            yield return new ValidationResult(
                $"Slack:ApiBaseUrl '{url}' must be an absolute https address such as https://slack.com/api/ (plain http is allowed for loopback only).",
                [nameof(ApiBaseUrl)]);
        }
    }

    /// <summary>The base address with a trailing slash, so method names resolve under it.</summary>
    public Uri ApiBase => ApiBaseUrl.AbsoluteUri.EndsWith('/') ? ApiBaseUrl : new Uri(ApiBaseUrl.AbsoluteUri + "/");

    [GeneratedRegex("^[TE][A-Z0-9]{2,30}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamIdFormat();
}
