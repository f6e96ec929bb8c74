using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Slack's v0 request signature: <c>v0=</c> + hex(HMAC-SHA256(signing secret, <c>v0:{timestamp}:{raw body}</c>)),
/// compared in constant time, with a ±5 minute replay window. The body must be the exact bytes received, before any parsing.
/// </summary>
internal static class SlackRequestSignature
{
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    public const string SignatureHeader = "X-Slack-Signature";
    public const string Version = "v0";

    /// <summary>How far the request timestamp may be from now, either way.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private const int HashHexLength = 64;

    public static SignatureCheck Verify(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature))
        {
            return SignatureCheck.MissingHeaders;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return SignatureCheck.MalformedTimestamp;
        }

        var sent = DateTimeOffset.FromUnixTimeSeconds(seconds);
        if ((now - sent).Duration() > MaxClockSkew)
        {
            return SignatureCheck.StaleTimestamp;
        }

        var prefix = Version + "=";
        if (!signature.StartsWith(prefix, StringComparison.Ordinal) || signature.Length != prefix.Length + HashHexLength)
        {
            return SignatureCheck.BadSignature;
        }

        Span<byte> presented = stackalloc byte[HashHexLength / 2];
        if (Convert.FromHexString(signature.AsSpan(prefix.Length), presented, out _, out var written) != System.Buffers.OperationStatus.Done || written != presented.Length)
        {
            return SignatureCheck.BadSignature;
        }

        var expected = ComputeHash(signingSecret, timestamp, body);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SignatureCheck.Valid : SignatureCheck.BadSignature;
    }

    /// <summary>The <c>X-Slack-Signature</c> value for a request (used by tests and the fake Slack to sign like Slack does).</summary>
    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body) =>
        Version + "=" + Convert.ToHexStringLower(ComputeHash(signingSecret, timestamp, body));

    private static byte[] ComputeHash(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(signingSecret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}

/// <summary>The result of <see cref="SlackRequestSignature.Verify"/>.</summary>
internal enum SignatureCheck
{
    Valid,
    MissingHeaders,
    MalformedTimestamp,
    StaleTimestamp,
    BadSignature,
}
