using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;

namespace ScreeningBot.Bot.Hosting;

/// <summary>
/// A listening address already taken (another bot still running) stops the start with one clear line and exit code 2
/// instead of Kestrel's stack trace. Program.cs checks the configured <c>urls</c> before starting and, for the rare race
/// where the port is taken in between, also turns Kestrel's bind failure into the same line.
/// </summary>
internal static class ListenAddressCheck
{
    public const int ExitCode = 2;

    /// <summary>
    /// The first configured address (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>Urls</c> in appsettings.json) that another
    /// process already listens on, or null. Addresses it cannot check (host names, port 0, Kestrel endpoint sections)
    /// are left to Kestrel.
    /// </summary>
    public static string? FindAddressInUse(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection("Kestrel:Endpoints").Exists() || configuration["urls"] is not { Length: > 0 } urls)
        {
            return null;
        }

        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue; // Kestrel reports a malformed address itself.
            }

            if (!address.IsUnixPipe && address.Port > 0 && Addresses(address.Host).Any(ip => IsTaken(new IPEndPoint(ip, address.Port))))
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>True for Kestrel's "address already in use" failure.</summary>
    public static bool IsAddressInUse(Exception exception) =>
        exception is IOException { InnerException: AddressInUseException } or AddressInUseException;

    public static string Describe(string address) =>
        $"error: cannot listen on {address}: the address is already in use, so another ScreeningBot (or another program) may be running there. " +
        "Stop it, or start this one on another address with --urls, e.g. dotnet run --project bot -- --urls http://localhost:3979";

    private static IEnumerable<IPAddress> Addresses(string host) => host switch
    {
        "localhost" => Socket.OSSupportsIPv6 ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : [IPAddress.Loopback],
        "*" or "+" => [IPAddress.Any],
        _ => IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : [],
    };

    private static bool IsTaken(IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(endpoint);
            return false;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode == SocketError.AddressAlreadyInUse;
        }
    }
}
