using System.ComponentModel.DataAnnotations;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// The Bot Framework endpoint's settings. The app registration uses the root keys every Bot Framework sample uses
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppTenantId</c>, <c>MicrosoftAppType</c>); the rest is
/// section <c>BotFramework</c>. No app id means local development: authentication off, loopback only.
/// </summary>
internal sealed class BotFrameworkOptions : IValidatableObject
{
    public const string SectionName = "BotFramework";

    /// <summary>The configuration path of the <c>MicrosoftApp*</c> keys: the root, as in every Bot Framework sample.</summary>
    public const string RegistrationSectionName = "";

    /// <summary>The signing algorithms of Bot Framework tokens (the SDK accepts these three).</summary>
    public static IReadOnlyList<string> SigningAlgorithms { get; } = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    /// <summary>Bot Framework Emulator tokens come from Entra in these two tenants (docs/channels.md).</summary>
    private static readonly string[] EmulatorTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a"];

    /// <summary>Bot Connector's OpenID metadata (public cloud), from which inbound signing keys come.</summary>
    public const string PublicCloudOpenIdMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary>Where Bot Framework Emulator tokens' keys come from (Entra, botframework.com tenant).</summary>
    public const string PublicCloudEmulatorOpenIdMetadataUrl = "https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration";

    /// <summary>The issuer of tokens the Bot Connector service sends (docs/channels.md).</summary>
    public const string PublicCloudTokenIssuer = "https://api.botframework.com";

    /// <summary>Root key <c>MicrosoftAppId</c>: the Azure Bot's app id (GUID); also the expected audience of inbound tokens.</summary>
    public string? MicrosoftAppId { get; set => field = value?.Trim(); }

    /// <summary>Root key <c>MicrosoftAppPassword</c>: the client secret. From environment or user-secrets, never appsettings.json.</summary>
    public string? MicrosoftAppPassword { get; set; }

    /// <summary>Root key <c>MicrosoftAppTenantId</c>: the registration's tenant; required for <see cref="BotAppType.SingleTenant"/>.</summary>
    public string? MicrosoftAppTenantId { get; set => field = value?.Trim(); }

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

    /// <summary>True when an app id is configured: inbound JWTs are required and outbound calls carry tokens.</summary>
    public bool AuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    /// <summary><see cref="MicrosoftAppType"/> parsed (default single-tenant); validation rejects other values.</summary>
    public BotAppType AppType =>
        string.Equals(MicrosoftAppType?.Trim(), nameof(BotAppType.MultiTenant), StringComparison.OrdinalIgnoreCase) ? BotAppType.MultiTenant : BotAppType.SingleTenant;

    /// <summary>Issuers of Emulator tokens: the two Emulator tenants, plus the bot's own for a single-tenant registration, in their v1 and v2 forms.</summary>
    public IReadOnlySet<string> EmulatorIssuers
    {
        get
        {
            var tenants = AppType == BotAppType.SingleTenant && !string.IsNullOrWhiteSpace(MicrosoftAppTenantId)
                ? [.. EmulatorTenants, MicrosoftAppTenantId.Trim()]
                : EmulatorTenants;
            return tenants.SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" }).ToHashSet(StringComparer.Ordinal);
        }
    }

    /// <summary>The rules annotations cannot express: the app registration's keys must fit together.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var type = MicrosoftAppType?.Trim();
        if (!string.IsNullOrEmpty(type)
            && !string.Equals(type, nameof(BotAppType.SingleTenant), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, nameof(BotAppType.MultiTenant), StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult($"MicrosoftAppType '{type}' is not supported; use SingleTenant (with MicrosoftAppTenantId) or MultiTenant.", [nameof(MicrosoftAppType)]);
        }

        if (AuthenticationEnabled && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
        {
            yield return new ValidationResult(
                "MicrosoftAppId is set but MicrosoftAppPassword is empty; set the app registration's client secret (environment variable MicrosoftAppPassword or user-secrets).",
                [nameof(MicrosoftAppPassword)]);
        }

        if (AuthenticationEnabled && AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
        {
            yield return new ValidationResult(
                "MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty; set it to the tenant id of the bot's app registration, or set MicrosoftAppType to MultiTenant.",
                [nameof(MicrosoftAppTenantId)]);
        }

        if (!Uri.TryCreate(AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            yield return new ValidationResult($"BotFramework:AuthorityHost '{AuthorityHost}' must be an https URL such as https://login.microsoftonline.com/.", [nameof(AuthorityHost)]);
        }
    }
}
