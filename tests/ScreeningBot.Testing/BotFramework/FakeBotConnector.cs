using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ScreeningBot.Testing.BotFramework;

/// <summary>
/// A loopback stand-in for everything the bot talks to in Azure Bot Service, as a real Kestrel server on
/// https://127.0.0.1:&lt;random&gt; with a throw-away certificate (or plain http, see <see cref="StartAsync"/>): the Bot Connector REST API under <see cref="ServiceUrl"/>
/// (records every activity, serves createConversation), the Entra token endpoint MSAL calls, and OpenID metadata with a
/// JWKS of test RSA keys (with Bot Framework <c>endorsements</c>) that signs the JWTs tests put on inbound activities.
/// It remembers the activities it took, so <c>DELETE v3/conversations/{id}/activities/{activityId}</c> removes one and answers
/// 404 <c>ActivityNotFoundInConversation</c> for any other, as the connector does. Failures can be queued to test retries. Thread-safe.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary>An Emulator token issuer (Entra, botframework.com tenant).</summary>
    public const string EmulatorIssuer = "https://login.microsoftonline.com/d6d49420-f39b-4df7-a1dc-d59a935871db/v2.0";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(Func<RecordedRequest, bool> Match, HttpStatusCode Status, string? RetryAfter, string? ErrorCode)> _failures = [];
    private readonly List<(RsaSecurityKey Key, IReadOnlyList<string>? Endorsements)> _publishedKeys = [];
    private readonly HashSet<(string ConversationId, string ActivityId)> _live = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _nextId;

    private FakeBotConnector(WebApplication app, X509Certificate2 certificate)
    {
        _app = app;
        _certificate = certificate;
        SigningKey = NewKey();
        _publishedKeys.Add((SigningKey, null));
    }

    /// <summary>https://127.0.0.1:port/ (http:// when started without https).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The serviceUrl tests put on activities; it has a path, as real Teams serviceUrls do.</summary>
    public string ServiceUrl => new Uri(BaseAddress, "amer/").ToString();

    public string OpenIdMetadataUrl => new Uri(BaseAddress, "v1/.well-known/openidconfiguration").ToString();

    public string EmulatorOpenIdMetadataUrl => new Uri(BaseAddress, "emulator/v2.0/.well-known/openid-configuration").ToString();

    /// <summary>Entra login host for MSAL (the token endpoint is <c>{host}/{tenant}/oauth2/v2.0/token</c>).</summary>
    public string AuthorityHost => BaseAddress.ToString();

    /// <summary>The access token the token endpoint hands out.</summary>
    public string AccessToken { get; } = "test-access-token-" + Guid.NewGuid().ToString("N");

    /// <summary>The key currently signing tokens (published in the JWKS).</summary>
    public RsaSecurityKey SigningKey { get; private set; }

    /// <summary>Channel ids every published key is endorsed for; empty publishes no endorsements.</summary>
    public IReadOnlyList<string> Endorsements { get; set; } = ["msteams", "webchat", "directline", "emulator"];

    /// <summary>False makes the OpenID metadata and the JWKS answer 503, as during an outage of the login service.</summary>
    public bool MetadataAvailable { get; set; } = true;

    /// <summary>How many times the JWKS was downloaded.</summary>
    public int KeySetDownloads { get; private set; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Activities (messages, typing) sent to conversations, in order, including the first activity of createConversation.</summary>
    public IReadOnlyList<RecordedRequest> Activities => [.. Requests.Where(r => r.Operation is "send" or "reply" or "update" || (r.Operation == "createConversation" && r.Activity is not null))];

    /// <summary>
    /// Starts the fake on loopback. <paramref name="useHttps"/> false serves plain http: for a bot with authentication off
    /// (no MicrosoftAppId, local development), which calls loopback serviceUrls without tokens, e.g. a bot in another
    /// process that could not trust the throw-away certificate. Token tests need https (MSAL requires https authorities).
    /// </summary>
    public static async Task<FakeBotConnector> StartAsync(bool useHttps = true)
    {
        var certificate = CreateCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (useHttps)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var fake = new FakeBotConnector(app, certificate);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        fake.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return fake;
    }

    /// <summary>An HTTP handler that trusts this fake's certificate (give it to the bot's HTTP clients).</summary>
    public HttpMessageHandler CreateTrustingHandler() => new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && certificate.GetCertHashString() == _certificate.GetCertHashString()),
        },
    };

    /// <summary>Signs a Bot Connector-style token. Defaults: valid now for an hour, issuer api.botframework.com, <c>serviceurl</c> = <see cref="ServiceUrl"/>.</summary>
    public string CreateToken(
        string audience,
        string? serviceUrl = null,
        string issuer = BotFrameworkIssuer,
        DateTimeOffset? notBefore = null,
        DateTimeOffset? expires = null,
        SecurityKey? key = null,
        bool includeServiceUrl = true,
        IDictionary<string, object>? additionalHeaderClaims = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var notBeforeValue = notBefore ?? now.AddMinutes(-1);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = notBeforeValue.UtcDateTime,
            NotBefore = notBeforeValue.UtcDateTime,
            Expires = (expires ?? now.AddHours(1)).UtcDateTime,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
            Claims = includeServiceUrl ? new Dictionary<string, object> { ["serviceurl"] = serviceUrl ?? ServiceUrl } : null,
            AdditionalHeaderClaims = additionalHeaderClaims,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>An unsigned token (<c>alg: none</c>) that would otherwise pass: right issuer, audience, lifetime and serviceurl.</summary>
    public string CreateUnsignedToken(string audience)
    {
        var now = TimeProvider.System.GetUtcNow();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = BotFrameworkIssuer,
            ["aud"] = audience,
            ["nbf"] = now.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
            ["serviceurl"] = ServiceUrl,
        };
        return Base64UrlEncoder.Encode(header.ToJsonString()) + "." + Base64UrlEncoder.Encode(payload.ToJsonString()) + ".";
    }

    /// <summary>Publishes <paramref name="key"/> in the JWKS endorsed for <paramref name="endorsements"/> only (the current signing key is unchanged).</summary>
    public void PublishKey(RsaSecurityKey key, IReadOnlyList<string> endorsements)
    {
        lock (_gate)
        {
            _publishedKeys.Add((key, endorsements));
        }
    }

    /// <summary>A fresh RSA key with an id, not published.</summary>
    public static RsaSecurityKey CreateKey() => NewKey();

    /// <summary>A key with the current key's id that is not published: its signatures do not verify.</summary>
    public static RsaSecurityKey ForgedKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };

    /// <summary>Publishes a new signing key (keeping the old one) and signs with it from now on.</summary>
    public RsaSecurityKey RotateKey()
    {
        var key = NewKey();
        lock (_gate)
        {
            _publishedKeys.Add((key, null));
            SigningKey = key;
        }

        return key;
    }

    /// <summary>Signs with a key that is not published yet; <see cref="PublishSigningKey"/> publishes it.</summary>
    public RsaSecurityKey UseUnpublishedKey()
    {
        SigningKey = NewKey();
        return SigningKey;
    }

    public void PublishSigningKey()
    {
        lock (_gate)
        {
            _publishedKeys.Add((SigningKey, null));
        }
    }

    /// <summary>The next request matching <paramref name="match"/> fails with <paramref name="status"/> (once).</summary>
    public void FailNext(Func<RecordedRequest, bool> match, HttpStatusCode status, string? retryAfter = null, string? errorCode = null)
    {
        lock (_gate)
        {
            _failures.Add((match, status, retryAfter, errorCode));
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds for the recorded requests; fails with what was recorded after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<IReadOnlyList<RecordedRequest>, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                var snapshot = _requests.ToList();
                if (condition(snapshot))
                {
                    return snapshot;
                }

                changed = _changed.Task;
            }

            try
            {
                await changed.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                var seen = string.Join("\n", Requests.Select(r => $"  {r.Operation} {r.ConversationId} {r.ActivityType} {Shorten(r.Text)}"));
                throw new TimeoutException($"Timed out waiting for {what ?? "the connector condition"}. Recorded:\n{seen}");
            }
        }
    }

    /// <summary>True while an activity this fake took in <paramref name="conversationId"/> has not been deleted.</summary>
    public bool IsLive(string conversationId, string activityId)
    {
        lock (_gate)
        {
            return _live.Contains((conversationId, activityId));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.Length <= 80 ? text : text[..80] + "…";

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = "key-" + Guid.NewGuid().ToString("N")[..12] };

    private static X509Certificate2 CreateCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await ServeMetadataAsync(context, path);
            return;
        }

        if (path.EndsWith("/oauth2/v2.0/token", StringComparison.Ordinal))
        {
            var form = await context.Request.ReadFormAsync();
            Record(new RecordedRequest("token", context.Request.Method, path, null, null, null, null, form.ToDictionary(f => f.Key, f => f.Value.ToString()), TimeProvider.System.GetUtcNow()));
            await context.Response.WriteAsJsonAsync(new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = AccessToken });
            return;
        }

        // {servicePath}v3/conversations[/{conversationId}/activities[/{activityId}]]
        var marker = path.IndexOf("/v3/conversations", StringComparison.Ordinal);
        if (marker < 0)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var segments = path[(marker + "/v3/conversations".Length)..].Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        // DELETE carries no body.
        var body = HttpMethods.IsDelete(context.Request.Method) ? null : await JsonNode.ParseAsync(context.Request.Body);
        var operation = segments.Length switch
        {
            0 => "createConversation",
            2 when HttpMethods.IsPost(context.Request.Method) => "send",
            3 when HttpMethods.IsPost(context.Request.Method) => "reply",
            3 when HttpMethods.IsPut(context.Request.Method) => "update",
            3 when HttpMethods.IsDelete(context.Request.Method) => "delete",
            _ => "unknown",
        };
        var recorded = new RecordedRequest(
            operation,
            context.Request.Method,
            context.Request.Path + context.Request.QueryString,
            segments.Length > 0 ? segments[0] : null,
            segments.Length > 2 ? segments[2] : null,
            context.Request.Headers.Authorization.ToString(),
            body,
            new Dictionary<string, string>(),
            TimeProvider.System.GetUtcNow());
        context.Response.Headers["X-Correlating-OperationId"] = "corr-" + Interlocked.Increment(ref _nextId);
        if (TakeFailure(recorded) is { } failure)
        {
            Record(recorded with { Operation = "failed:" + operation });
            context.Response.StatusCode = (int)failure.Status;
            if (failure.RetryAfter is not null)
            {
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            }

            await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = failure.ErrorCode ?? failure.Status.ToString(), ["message"] = "injected failure" } });
            return;
        }

        if (operation == "delete")
        {
            bool removed;
            lock (_gate)
            {
                removed = _live.Remove((segments[0], segments[2]));
            }

            Record(recorded with { Operation = removed ? "delete" : "failed:delete" });
            if (!removed)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                await context.Response.WriteAsJsonAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = "ActivityNotFoundInConversation", ["message"] = "Activity not found." } });
            }

            return;
        }

        Record(recorded);
        var id = Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        JsonObject response;
        if (operation == "createConversation")
        {
            var channel = body?["channelData"]?["channel"]?["id"]?.GetValue<string>();
            var member = body?["members"]?[0]?["id"]?.GetValue<string>();
            response = channel is not null
                ? new JsonObject { ["id"] = $"{channel};messageid={id}", ["activityId"] = id }
                : new JsonObject { ["id"] = "a:personal-" + member };
            if (channel is not null && body?["activity"] is not null)
            {
                Remember($"{channel};messageid={id}", id);
            }
        }
        else
        {
            response = new JsonObject { ["id"] = id };
            if (operation is "send" or "reply")
            {
                Remember(segments[0], id);
            }
        }

        await context.Response.WriteAsJsonAsync(response);
    }

    private async Task ServeMetadataAsync(HttpContext context, string path)
    {
        if (!MetadataAvailable)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (path.EndsWith("/keys", StringComparison.Ordinal))
        {
            KeySetDownloads++;
            var keys = new JsonArray();
            (RsaSecurityKey Key, IReadOnlyList<string>? Endorsements)[] published;
            lock (_gate)
            {
                published = [.. _publishedKeys];
            }

            foreach (var (key, keyEndorsements) in published)
            {
                var parameters = key.Rsa.ExportParameters(false);
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                var endorsements = keyEndorsements ?? Endorsements;
                if (endorsements.Count > 0)
                {
                    jwk["endorsements"] = new JsonArray([.. endorsements.Select(e => JsonValue.Create(e))]);
                }

                keys.Add(jwk);
            }

            await context.Response.WriteAsJsonAsync(new JsonObject { ["keys"] = keys });
            return;
        }

        var emulator = path.StartsWith("/emulator/", StringComparison.Ordinal);
        await context.Response.WriteAsJsonAsync(new JsonObject
        {
            ["issuer"] = emulator ? EmulatorIssuer : BotFrameworkIssuer,
            ["authorization_endpoint"] = new Uri(BaseAddress, "authorize").ToString(),
            ["jwks_uri"] = new Uri(BaseAddress, emulator ? "emulator/keys" : "v1/.well-known/keys").ToString(),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        });
    }

    private (HttpStatusCode Status, string? RetryAfter, string? ErrorCode)? TakeFailure(RecordedRequest request)
    {
        lock (_gate)
        {
            var index = _failures.FindIndex(f => f.Match(request));
            if (index < 0)
            {
                return null;
            }

            var failure = _failures[index];
            _failures.RemoveAt(index);
            return (failure.Status, failure.RetryAfter, failure.ErrorCode);
        }
    }

    private void Remember(string conversationId, string activityId)
    {
        lock (_gate)
        {
            _live.Add((conversationId, activityId));
        }
    }

    private void Record(RecordedRequest request)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _requests.Add(request);
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
