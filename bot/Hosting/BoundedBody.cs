using System.Buffers;

namespace ScreeningBot.Bot.Hosting;

/// <summary>Reads an HTTP body whole, but never more than a limit: what arrives from outside is bounded before it is parsed.</summary>
internal static class BoundedBody
{
    private const int ChunkBytes = 16 * 1024;

    /// <summary>
    /// Reads <paramref name="body"/> to its end. Returns null, having buffered at most <paramref name="maxBytes"/>, when the
    /// declared length (Content-Length) or the bytes that actually arrive exceed <paramref name="maxBytes"/>.
    /// </summary>
    /// <remarks>
    /// With a declared length (every Bot Framework and Slack request) the body is read straight into one array of that size,
    /// the one the caller parses: no copies and no growing buffer per request. Anything else goes through a pooled chunk.
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            MemoryStream buffer;
            if (declaredLength is { } length)
            {
                var exact = new byte[length];
                var filled = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, cancellationToken);
                if (filled < exact.Length)
                {
                    return exact[..filled];
                }

                var more = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken);
                if (more == 0)
                {
                    return exact;
                }

                // More than declared: no longer the common case; keep counting against the limit.
                if (exact.Length + more > maxBytes)
                {
                    return null;
                }

                buffer = new MemoryStream(exact.Length + more);
                buffer.Write(exact);
                buffer.Write(chunk, 0, more);
            }
            else
            {
                buffer = new MemoryStream(4096);
            }

            using (buffer)
            {
                int read;
                while ((read = await body.ReadAsync(chunk.AsMemory(0, ChunkBytes), cancellationToken)) > 0)
                {
                    if (buffer.Length + read > maxBytes)
                    {
                        return null;
                    }

                    buffer.Write(chunk, 0, read);
                }

                return buffer.ToArray();
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
