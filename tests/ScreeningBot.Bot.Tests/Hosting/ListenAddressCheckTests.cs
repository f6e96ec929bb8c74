using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.Tests.Cli;

namespace ScreeningBot.Bot.Tests.Hosting;

public sealed class ListenAddressCheckTests : IDisposable
{
    private readonly TcpListener _other = new(IPAddress.Loopback, 0);

    public ListenAddressCheckTests() => _other.Start();

    private int TakenPort => ((IPEndPoint)_other.LocalEndpoint).Port;

    public void Dispose() => _other.Dispose();

    [Fact]
    public async Task RealBot_PortAlreadyInUse_OneLineNamingTheAddressAndExitTwo()
    {
        var address = $"http://127.0.0.1:{TakenPort}";

        var (exitCode, output, error) = await BotExecutable.RunAsync(["--urls", address]);

        Assert.True(exitCode == 2, $"exit {exitCode}\n{output}\n{error}");
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: cannot listen on {address}: the address is already in use, so another ScreeningBot", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void FindAddressInUse_TakenAmongSeveral_NamesTheTakenOne()
    {
        var free = FreePort();
        var configuration = Configuration(new() { ["urls"] = $"http://127.0.0.1:{free};http://127.0.0.1:{TakenPort}" });

        Assert.Equal($"http://127.0.0.1:{TakenPort}", ListenAddressCheck.FindAddressInUse(configuration));
    }

    [Theory]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://example.invalid:80")]
    [InlineData("not an address")]
    public void FindAddressInUse_AddressesItCannotCheck_AreLeftToKestrel(string urls) =>
        Assert.Null(ListenAddressCheck.FindAddressInUse(Configuration(new() { ["urls"] = urls })));

    [Fact]
    public void FindAddressInUse_FreePort_IsNull() =>
        Assert.Null(ListenAddressCheck.FindAddressInUse(Configuration(new() { ["urls"] = $"http://127.0.0.1:{FreePort()}" })));

    [Fact]
    public void FindAddressInUse_KestrelEndpointsConfigured_LeavesItToKestrel() =>
        Assert.Null(ListenAddressCheck.FindAddressInUse(Configuration(new()
        {
            ["urls"] = $"http://127.0.0.1:{TakenPort}",
            ["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:5000",
        })));

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
