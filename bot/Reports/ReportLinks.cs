using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Reports;

/// <summary>
/// Signed, expiring links to an interview's full report: <c>{BaseUrl}/reports/{id}?expires={unix}&amp;sig={hmac}</c>.
/// The signature is HMAC-SHA256 over <c>{id}:{expires}</c> with <see cref="ReportOptions.SigningKey"/>, so a link cannot be
/// forged, extended or pointed at another interview. Thread-safe.
/// </summary>
internal sealed class ReportLinks(IOptions<ReportOptions> options, TimeProvider time)
{
    public const string Route = Hosting.BotRoutes.Report;

    public bool Enabled => options.Value.Enabled;

    /// <summary>A fresh link for <paramref name="interviewId"/>, or null when links are off.</summary>
    public string? Create(string interviewId)
    {
        ArgumentException.ThrowIfNullOrEmpty(interviewId);
        if (!Enabled)
        {
            return null;
        }

        var expires = time.GetUtcNow().AddDays(options.Value.LinkDays).ToUnixTimeSeconds();
        var baseUrl = options.Value.BaseUrl!.TrimEnd('/');
        return string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/reports/{Uri.EscapeDataString(interviewId)}?expires={expires}&sig={Sign(interviewId, expires)}");
    }

    /// <summary>Checks a link's parameters.</summary>
    public LinkCheck Check(string interviewId, string? expires, string? signature)
    {
        if (!Enabled || string.IsNullOrEmpty(interviewId) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return LinkCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(interviewId, expiresAt));
        var given = Encoding.ASCII.GetBytes(signature);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return LinkCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? LinkCheck.Expired : LinkCheck.Valid;
    }

    private string Sign(string interviewId, long expires)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.SigningKey ?? string.Empty);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{interviewId}:{expires}")));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}

internal enum LinkCheck
{
    Valid,
    Invalid,
    Expired,
}
