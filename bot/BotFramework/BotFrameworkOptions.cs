using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework endpoint's settings. The app registration uses the root keys every Bot Framework sample uses
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>); the rest is
/// section <c>BotFramework</c>. No app id means local development: authentication off, loopback only.
/// </summary>
internal sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>Bot Connector's OpenID metadata (public cloud), from which inbound signing keys come.</summary>
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Bot Framework Emulator tokens' keys come from (Entra, botframework.com tenant).</summary>
    public const string PublicCloudEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer of tokens the Bot Connector service sends (protocol §5).</summary>
    public const string PublicCloudTokenIssuer = "https://api.botframework.com";

    /// <summary>Root key <c>MicrosoftAppId</c>: the Azure Bot's app id (GUID); also the expected audience of inbound tokens.</summary>
    public string? MicrosoftAppId { get; set; }

    /// <summary>Root key <c>MicrosoftAppPassword</c>: the client secret. From environment or user-secrets, never appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Root key <c>MicrosoftAppTenantId</c>: the registration's tenant; required for <see cref="BotAppType.SingleTenant"/>.</summary>
    public string? MicrosoftAppTenantId { get; set; }

    /// <summary>Root key <c>MicrosoftAppType</c> as written (<c>SingleTenant</c> or <c>MultiTenant</c>); parsed into <see cref="AppType"/>.</summary>
    public string? MicrosoftAppType { get; set; }

    [Required]
    [Url]
    public string OpenIdMetadataUrl { get; set; } = PublicCloudOpenIdMetadataUrl;

    [Required]
    [Url]
    public string EmulatorOpenIdMetadataUrl { get; set; } = PublicCloudEmulatorOpenIdMetadataUrl;

    /// <summary>Issuer of Bot Connector tokens (change only for sovereign clouds, e.g. <c>https://api.botframework.us</c>).</summary>
    [Required]
    public string TokenIssuer { get; set; } = PublicCloudTokenIssuer;

    /// <summary>Accept Bot Framework Emulator tokens. Off by default: the Emulator is a development tool.</summary>
    public bool AllowEmulatorTokens { get; set; }

    /// <summary>Entra login host for outbound tokens; tests point it at a fake token endpoint (it must be https: MSAL refuses anything else).</summary>
    [Required]
    [Url]
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>Scope of outbound tokens (Gov cloud: <c>https://api.botframework.us/.default</c>).</summary>
    [Required]
    public string OAuthScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>Largest accepted activity body. Real activities are a few KiB; 256 KiB leaves room for big Adaptive Card submits.</summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How long a request waits for its turn before answering 200 and letting the turn finish in the background. Teams
    /// re-delivers after about 15 s; 5 s keeps the answer well inside that while most turns finish inline.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan InlineTurnBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Turns accepted but not finished at once, across all conversations; beyond it the bot answers 503 so the channel retries.</summary>
    [Range(1, 100_000)]
    public int MaxPendingTurns { get; set; } = 1_000;

    /// <summary>How long an activity id is remembered to drop redeliveries. Teams retries within minutes; a day is generous.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(1);

    /// <summary>True when an app id is configured: inbound JWTs are required and outbound calls carry tokens.</summary>
    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary><see cref="MicrosoftAppType"/> parsed (default single-tenant); validation rejects other values.</summary>
    public BotAppType AppType =>
        string.Equals(MicrosoftAppType?.Trim(), nameof(BotAppType.MultiTenant), StringComparison.OrdinalIgnoreCase) ? BotAppType.MultiTenant : BotAppType.SingleTenant;
}
