using System.Buffers;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace ScreeningBot.Benchmarks.Http;

/// <summary>
/// A lean HTTP/1.1 keep-alive client for one simulated user on loopback: it writes a POST and reads one response
/// (Content-Length or chunked). The generator shares the machine's cores with the server under test, so it costs a fraction
/// of HttpClient's CPU per request; it understands exactly what Kestrel and Node answer here, nothing more.
/// </summary>
internal sealed class LoopbackHttpConnection(string host, int port, string path) : IDisposable
{
    private readonly byte[] _head = Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\nConnection: keep-alive\r\nContent-Length: ");
    private byte[] _buffer = new byte[64 * 1024];
    private Socket? _socket;

    /// <summary>Status and body (UTF-8), or status 0 and the error.</summary>
    public async Task<(int Status, string Body)> PostAsync(string json, CancellationToken cancellationToken)
    {
        try
        {
            if (_socket is null)
            {
                _socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await _socket.ConnectAsync(host, port, cancellationToken);
            }

            var body = Encoding.UTF8.GetBytes(json);
            var length = Encoding.ASCII.GetBytes(body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
            await _socket.SendAsync(new[] { new ArraySegment<byte>(_head), new ArraySegment<byte>(length), new ArraySegment<byte>(body) });
            return await ReadResponseAsync(_socket, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or OperationCanceledException)
        {
            Dispose();
            return (0, e.Message);
        }
    }

    public void Dispose()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private async Task<(int, string)> ReadResponseAsync(Socket socket, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (true)
        {
            if (filled == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(_buffer.AsMemory(filled), cancellationToken);
            if (read == 0)
            {
                throw new IOException("the server closed the connection");
            }

            filled += read;
            if (TryParse(_buffer.AsSpan(0, filled), out var status, out var body, out var close))
            {
                if (close)
                {
                    Dispose();
                }

                return (status, body!);
            }
        }
    }

    private static bool TryParse(ReadOnlySpan<byte> data, out int status, out string? body, out bool close)
    {
        status = 0;
        body = null;
        close = false;
        var headEnd = data.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return false;
        }

        var head = Encoding.ASCII.GetString(data[..headEnd]);
        status = int.Parse(head.AsSpan(9, 3), CultureInfo.InvariantCulture);
        close = head.Contains("\r\nConnection: close", StringComparison.OrdinalIgnoreCase);
        var content = data[(headEnd + 4)..];
        if (Header(head, "Content-Length") is { } lengthText)
        {
            var length = int.Parse(lengthText, CultureInfo.InvariantCulture);
            if (content.Length < length)
            {
                return false;
            }

            body = Encoding.UTF8.GetString(content[..length]);
            return true;
        }

        if (!string.Equals(Header(head, "Transfer-Encoding"), "chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = string.Empty;
            return status is 204 or 304 ? true : throw new InvalidDataException($"unsupported response framing: {head.Split('\r')[0]}");
        }

        var writer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var lineEnd = content.IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                return false;
            }

            var size = int.Parse(Encoding.ASCII.GetString(content[..lineEnd]).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0)
            {
                if (content[(lineEnd + 2)..].IndexOf("\r\n"u8) < 0)
                {
                    return false;
                }

                body = Encoding.UTF8.GetString(writer.WrittenSpan);
                return true;
            }

            if (content.Length < lineEnd + 2 + size + 2)
            {
                return false;
            }

            writer.Write(content.Slice(lineEnd + 2, size));
            content = content[(lineEnd + 2 + size + 2)..];
        }
    }

    private static string? Header(string head, string name)
    {
        var at = head.IndexOf("\r\n" + name + ":", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at + name.Length + 3;
        var end = head.IndexOf('\r', start);
        return head[start..(end < 0 ? head.Length : end)].Trim();
    }
}
