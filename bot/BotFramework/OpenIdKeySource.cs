using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Signing keys from one OpenID metadata document, as the JwtBearer handler's configuration manager. A
/// <see cref="ConfigurationManager{T}"/> caches the document and refreshes it every 12 hours (the Bot Framework asks for at
/// least daily). Since that manager refreshes in the background and keeps answering with the old keys meanwhile, a token
/// naming an unknown key id triggers a direct fetch first (<see cref="EnsureKeyAsync"/>, at most once per
/// <see cref="MinForcedRefreshInterval"/>) whose keys count at once. Thread-safe.
/// </summary>
/// <remarks>
/// The configuration handed out lists the key set's RSA entries themselves (<see cref="JsonWebKey"/>) as signing keys, so the
/// key that verified a token, <c>SecurityToken.SigningKey</c>, still carries its JWKS entry with the Bot Framework's
/// <c>endorsements</c>: they are read from the key that did the work, never looked up by a <c>kid</c> the token chose.
/// </remarks>
internal sealed class OpenIdKeySource : IConfigurationManager<OpenIdConnectConfiguration>
{
    /// <summary>Unknown key ids can be sent by anyone; this bounds how often they make us fetch metadata.</summary>
    public static readonly TimeSpan MinForcedRefreshInterval = TimeSpan.FromMinutes(1);

    private readonly ConfigurationManager<OpenIdConnectConfiguration> _manager;
    private readonly HttpDocumentRetriever _retriever;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private Task<bool>? _refreshing;
    private OpenIdConnectConfiguration? _forced;
    private DateTimeOffset _forcedAt = DateTimeOffset.MinValue;
    private (OpenIdConnectConfiguration Cached, OpenIdConnectConfiguration? Forced, OpenIdConnectConfiguration Merged)? _merged;

    public OpenIdKeySource(string metadataUrl, HttpClient httpClient, TimeProvider time, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metadataUrl);
        ArgumentNullException.ThrowIfNull(httpClient);
        MetadataUrl = metadataUrl;
        _time = time;
        _logger = logger;
        _retriever = new HttpDocumentRetriever(httpClient) { RequireHttps = true };
        _manager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), _retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = MinForcedRefreshInterval,
        };
    }

    public string MetadataUrl { get; }

    /// <summary>The current keys: the cached document's, plus those of a forced refresh.</summary>
    /// <exception cref="SigningKeysUnavailableException">The metadata could not be fetched and nothing is cached.</exception>
    public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(CancellationToken cancel)
    {
        OpenIdConnectConfiguration cached;
        try
        {
            cached = await _manager.GetConfigurationAsync(cancel);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            BotFrameworkLog.SigningKeysUnavailable(_logger, MetadataUrl, e);
            throw new SigningKeysUnavailableException($"signing keys could not be fetched from {MetadataUrl}", e);
        }

        var forced = Volatile.Read(ref _forced);
        lock (_gate)
        {
            if (_merged is { } merged && ReferenceEquals(merged.Cached, cached) && ReferenceEquals(merged.Forced, forced))
            {
                return merged.Merged;
            }

            var configuration = new OpenIdConnectConfiguration { Issuer = cached.Issuer };
            foreach (var key in (forced is null ? [cached] : new[] { cached, forced }).SelectMany(SigningKeysOf))
            {
                configuration.SigningKeys.Add(key);
            }

            _merged = (cached, forced, configuration);
            return configuration;
        }
    }

    public void RequestRefresh() => _manager.RequestRefresh();

    /// <summary>
    /// Makes sure a key named <paramref name="keyId"/> is loaded if the metadata has it: fetches the metadata now when the
    /// current keys lack it, unless that happened less than <see cref="MinForcedRefreshInterval"/> ago.
    /// </summary>
    /// <exception cref="SigningKeysUnavailableException">The metadata could not be fetched.</exception>
    public async Task EnsureKeyAsync(string? keyId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(keyId))
        {
            return;
        }

        var current = await GetConfigurationAsync(cancellationToken);
        if (current.SigningKeys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal)))
        {
            return;
        }

        Task<bool> refreshing;
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false } running)
            {
                refreshing = running;
            }
            else if (_time.GetUtcNow() - _forcedAt < MinForcedRefreshInterval)
            {
                return;
            }
            else
            {
                _forcedAt = _time.GetUtcNow();
                BotFrameworkLog.SigningKeysRefreshing(_logger, MetadataUrl, keyId);
                refreshing = _refreshing = FetchAsync();
            }
        }

        await refreshing.WaitAsync(cancellationToken);
    }

    /// <summary>The key set's RSA signing entries, as <see cref="JsonWebKey"/>s that keep their extra members (endorsements).</summary>
    private static IEnumerable<SecurityKey> SigningKeysOf(OpenIdConnectConfiguration document) =>
        document.JsonWebKeySet?.Keys.Where(k => k.Kty == JsonWebAlgorithmsKeyTypes.RSA && k.Use is null or "sig") ?? [];

    // Shared by concurrent callers, so it does not take any one request's cancellation token.
    private async Task<bool> FetchAsync()
    {
        try
        {
            var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataUrl, _retriever, CancellationToken.None);
            Volatile.Write(ref _forced, fresh);
            _manager.RequestRefresh();
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException or ArgumentException or System.Text.Json.JsonException)
        {
            BotFrameworkLog.SigningKeysUnavailable(_logger, MetadataUrl, e);
            throw new SigningKeysUnavailableException($"signing keys could not be fetched from {MetadataUrl}", e);
        }
    }
}
