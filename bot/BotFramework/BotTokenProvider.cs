using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Bearer tokens for calls to the Bot Connector (docs/channels.md): OAuth2 client credentials with MSAL, one
/// <see cref="IConfidentialClientApplication"/> for the process so its token cache is reused and renewed near expiry.
/// Authority: the app's tenant for single-tenant registrations, <c>botframework.com</c> for multi-tenant ones.
/// Returns null when authentication is off (local development against the Emulator).
/// </summary>
internal sealed class BotTokenProvider
{
    private const string MultiTenantAuthority = "botframework.com";

    private readonly BotFrameworkOptions _options;
    private readonly Lazy<IConfidentialClientApplication>? _application;
    private readonly ILogger _logger;

    public BotTokenProvider(IOptions<BotFrameworkOptions> options, IHttpClientFactory httpClients, ILogger<BotTokenProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        _options = options.Value;
        _logger = logger;
        if (_options.AuthenticationEnabled)
        {
            _application = new Lazy<IConfidentialClientApplication>(() => Create(_options, new MsalHttpClientFactory(httpClients)));
        }
    }

    /// <summary>The token to send, or null when authentication is off.</summary>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_application is null)
        {
            return null;
        }

        var result = await _application.Value.AcquireTokenForClient([_options.OAuthScope]).ExecuteAsync(cancellationToken);
        BotFrameworkLog.TokenAcquired(_logger, result.AuthenticationResultMetadata.TokenSource.ToString(), result.ExpiresOn);
        return result.AccessToken;
    }

    private static IConfidentialClientApplication Create(BotFrameworkOptions options, IMsalHttpClientFactory httpClientFactory)
    {
        var tenant = options.AppType == BotAppType.MultiTenant ? MultiTenantAuthority : options.MicrosoftAppTenantId!.Trim();
        var host = options.AuthorityHost.TrimEnd('/');
        var isPublicCloud = string.Equals(host, "https://login.microsoftonline.com", StringComparison.OrdinalIgnoreCase);
        var builder = ConfidentialClientApplicationBuilder.Create(options.MicrosoftAppId)
            .WithClientSecret(options.MicrosoftAppPassword)
            .WithHttpClientFactory(httpClientFactory)
            .WithAuthority($"{host}/{tenant}", validateAuthority: isPublicCloud);
        if (!isPublicCloud)
        {
            // A sovereign cloud or a test endpoint: no instance discovery against the public cloud.
            builder = builder.WithInstanceDiscovery(false);
        }

        return builder.Build();
    }

    /// <summary>Gives MSAL the bot's own resilient, testable HTTP client.</summary>
    private sealed class MsalHttpClientFactory(IHttpClientFactory httpClients) : IMsalHttpClientFactory
    {
        public HttpClient GetHttpClient() => httpClients.CreateClient(BotFrameworkHttpClients.Token);
    }
}
