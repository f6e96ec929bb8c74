namespace ScreeningBot.Bot.Hosting;

/// <summary>Reads an HTTP body whole, but never more than a limit: what arrives from outside is bounded before it is parsed.</summary>
internal static class BoundedBody
{
    /// <summary>
    /// Reads <paramref name="body"/> to its end. Returns null, having buffered at most <paramref name="maxBytes"/>, when the
    /// declared length (Content-Length) or the bytes that actually arrive exceed <paramref name="maxBytes"/>.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(Stream body, long? declaredLength, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (declaredLength > maxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream(declaredLength is { } length ? (int)length : 4096);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
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
