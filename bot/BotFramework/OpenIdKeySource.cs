using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Signing keys from one OpenID metadata document. A <see cref="ConfigurationManager{T}"/> caches the document and
/// refreshes it every 12 hours (the auth doc asks for at least daily). Since that manager refreshes in the background
/// and keeps answering with the old keys meanwhile, a token signed with an unknown key id triggers a direct fetch
/// (at most once per <see cref="MinForcedRefreshInterval"/>) whose keys are used at once. Thread-safe.
/// </summary>
internal sealed class OpenIdKeySource
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
    public async Task<SigningKeys> GetKeysAsync(CancellationToken cancellationToken)
    {
        var configuration = await _manager.GetConfigurationAsync(cancellationToken);
        return new SigningKeys(Volatile.Read(ref _forced) is { } forced ? [configuration, forced] : [configuration]);
    }

    /// <summary>Fetches the metadata now unless that happened less than <see cref="MinForcedRefreshInterval"/> ago; true when new keys were loaded.</summary>
    public Task<bool> RefreshAsync(string unknownKeyId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_refreshing is { IsCompleted: false } running)
            {
                return running.WaitAsync(cancellationToken);
            }

            if (_time.GetUtcNow() - _forcedAt < MinForcedRefreshInterval)
            {
                return Task.FromResult(false);
            }

            _forcedAt = _time.GetUtcNow();
            BotFrameworkLog.SigningKeysRefreshing(_logger, MetadataUrl, unknownKeyId);
            _refreshing = FetchAsync();
            return _refreshing.WaitAsync(cancellationToken);
        }
    }

    // Shared by concurrent callers, so it does not take any one request's cancellation token.
    private async Task<bool> FetchAsync()
    {
        var fresh = await OpenIdConnectConfigurationRetriever.GetAsync(MetadataUrl, _retriever, CancellationToken.None);
        Volatile.Write(ref _forced, fresh);
        _manager.RequestRefresh();
        return true;
    }
}

/// <summary>Signing keys with their JWKS entries (for Bot Framework's per-key <c>endorsements</c>).</summary>
internal sealed class SigningKeys(IReadOnlyList<OpenIdConnectConfiguration> documents)
{
    public IEnumerable<SecurityKey> Keys => documents.SelectMany(d => d.SigningKeys);

    public bool Contains(string keyId) => Keys.Any(k => string.Equals(k.KeyId, keyId, StringComparison.Ordinal));

    /// <summary>The channel ids the key <paramref name="keyId"/> is endorsed for; null when the JWKS says nothing.</summary>
    public IReadOnlyList<string>? EndorsementsOf(string? keyId)
    {
        if (keyId is null)
        {
            return null;
        }

        foreach (var document in documents.Reverse())
        {
            var key = document.JsonWebKeySet?.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
            if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var raw))
            {
                return Endorsements(raw);
            }
        }

        return null;
    }

    private static List<string> Endorsements(object? raw) => raw switch
    {
        System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
            [.. array.EnumerateArray().Where(e => e.ValueKind == System.Text.Json.JsonValueKind.String).Select(e => e.GetString()!)],
        string single => [single],
        System.Collections.IEnumerable items => [.. items.Cast<object?>().Select(i => i?.ToString()).OfType<string>()],
        _ => [],
    };
}
