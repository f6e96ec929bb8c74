using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// The Slack app (section <c>Slack</c>). Secrets come from the environment (<c>Slack__SigningSecret</c>,
/// <c>Slack__BotToken</c>) or Key Vault references, never from the committed appsettings.json.
/// Without a signing secret Slack is off: its endpoints answer 503 instead of accepting unsigned requests.
/// </summary>
internal sealed class SlackOptions : IValidatableObject
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

    /// <summary>Parallel background workers. Messages of one conversation always go to the same worker, so they keep their order.</summary>
    [Range(1, 64, ErrorMessage = "Slack:Workers must be between 1 and 64.")]
    public int Workers { get; set; } = 4;

    /// <summary>Requests waiting per worker; when full, Slack is told 503 and retries later.</summary>
    [Range(1, 100_000, ErrorMessage = "Slack:QueueCapacity must be between 1 and 100000.")]
    public int QueueCapacity { get; set; } = 500;

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

        if (ApiBaseUrl is { } url && (!url.IsAbsoluteUri || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback))))
        {
            yield return new ValidationResult(
                $"Slack:ApiBaseUrl '{url}' must be an absolute https address such as https://slack.com/api/ (plain http is allowed for loopback only).",
                [nameof(ApiBaseUrl)]);
        }
    }

    /// <summary>The base address with a trailing slash, so method names resolve under it.</summary>
    public Uri ApiBase => ApiBaseUrl.AbsoluteUri.EndsWith('/') ? ApiBaseUrl : new Uri(ApiBaseUrl.AbsoluteUri + "/");
}
