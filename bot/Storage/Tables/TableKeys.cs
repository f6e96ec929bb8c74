using System.Buffers.Text;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace ScreeningBot.Bot.Storage.Tables;

/// <summary>
/// Turns any id into a valid PartitionKey/RowKey. Table keys forbid <c>/ \ # ?</c> and control characters and
/// are limited to 1 KiB, while our ids may contain anything (emoji, lone surrogates included). The encoding is
/// base64url of the UTF-16 code units, so distinct strings never share a key; a key that would be too long is
/// replaced by the base64url of its SHA-256 instead. Originals are kept in entity properties, never decoded.
/// </summary>
internal static class TableKeys
{
    // Well under the 1 KiB key limit, leaving room for suffixes such as "-0001" and index prefixes.
    private const int MaxEncodedLength = 400;

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var bytes = MemoryMarshal.AsBytes(value.AsSpan());
        var encoded = Base64Url.EncodeToString(bytes);
        return encoded.Length <= MaxEncodedLength
            ? "k" + encoded
            : "h" + Base64Url.EncodeToString(SHA256.HashData(bytes));
    }
}
