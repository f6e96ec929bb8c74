using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// The webhook's signature: <c>v1=</c> + lowercase hex HMAC-SHA256, keyed with the shared secret, over
/// <c>{timestamp}.{body}</c> (UTF-8), where timestamp is the <see cref="TimestampHeader"/> value in Unix seconds. Signing
/// the time with the body lets a receiver refuse a replayed request (the scheme Slack and Stripe use).
/// </summary>
internal static class WebhookSignature
{
    public const string SignatureHeader = "X-ScreeningBot-Signature";
    public const string TimestampHeader = "X-ScreeningBot-Timestamp";
    public const string EventHeader = "X-ScreeningBot-Event";
    public const string IdempotencyHeader = "Idempotency-Key";

    public static string Sign(string secret, long timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        ArgumentNullException.ThrowIfNull(body);
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "." + body);
        return "v1=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
