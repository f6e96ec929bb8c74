using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace ScreeningBot.Bot.Playground;

/// <summary>Once the server listens, says where the playground page is (or why it is off), so <c>dotnet run</c> shows the link.</summary>
internal sealed class PlaygroundStartupNotice(PlaygroundChannel channel, IServiceProvider services, ILogger<PlaygroundStartupNotice> logger) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (channel.DisabledReason is { } reason)
        {
            PlaygroundLog.Disabled(logger, reason);
            return Task.CompletedTask;
        }

        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (address is not null)
        {
            PlaygroundLog.Enabled(logger, address.TrimEnd('/') + "/");
        }

        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
