using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Decides at start whether running without authentication is allowed: only with no app id AND every listening
/// address on loopback (local development). Otherwise start-up fails with a message saying to set MicrosoftAppId.
/// Runs once the server has bound its addresses; until then the endpoint itself refuses non-loopback callers.
/// </summary>
internal sealed class BotFrameworkStartupCheck(
    IOptions<BotFrameworkOptions> options,
    IServiceProvider services,
    ILogger<BotFrameworkStartupCheck> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (options.Value.AuthenticationEnabled)
        {
            return Task.CompletedTask;
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        var exposed = ExposedAddresses(addresses);
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Bot Framework authentication is off because MicrosoftAppId is empty, but the bot listens on {string.Join(", ", exposed)}, which is not loopback. " +
                "Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId (environment variables or user-secrets), or listen on http://localhost:3978 only.");
        }

        BotFrameworkLog.AuthenticationDisabled(logger, addresses.Length == 0 ? "no addresses" : string.Join(", ", addresses));
        return Task.CompletedTask;
    }

    /// <summary>The listening addresses that are reachable from other machines (<c>0.0.0.0</c>, <c>*</c>, <c>+</c>, a LAN address).</summary>
    public static IReadOnlyList<string> ExposedAddresses(IEnumerable<string> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return [.. addresses.Where(address => !IsLoopbackAddress(address))];
    }

    private static bool IsLoopbackAddress(string address)
    {
        // Kestrel wildcard forms ("http://*:80", "http://+:80") are not valid URIs; they mean every interface.
        var normalized = address.Replace("://*", "://wildcard.invalid", StringComparison.Ordinal).Replace("://+", "://wildcard.invalid", StringComparison.Ordinal);
        return Uri.TryCreate(normalized, UriKind.Absolute, out var uri) && Loopback.IsLoopback(uri);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
