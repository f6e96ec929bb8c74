using System.Buffers.Text;
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

    // Export tokens are signed as "export:{token}", so no report link (signed over an interview id, iv-…) is ever a valid export link.
    private const string ExportPurpose = "export:";

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

    /// <summary>
    /// How long a candidate-export link works: long enough to click it from the chat, short enough that a forwarded
    /// message does not hand out a candidate's whole record later.
    /// </summary>
    public static readonly TimeSpan ExportLinkLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// A link to everything stored about a candidate (<c>{BaseUrl}/exports/{token}?expires=…&amp;sig=…</c>), asked for by
    /// <paramref name="issuer"/>; the token carries both, signed, so the download is audited as theirs. Null when links are off.
    /// </summary>
    public string? CreateExport(string candidateId, string issuer)
    {
        ArgumentException.ThrowIfNullOrEmpty(candidateId);
        ArgumentException.ThrowIfNullOrEmpty(issuer);
        if (!Enabled)
        {
            return null;
        }

        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(candidateId + "\n" + issuer));
        var expires = (time.GetUtcNow() + ExportLinkLifetime).ToUnixTimeSeconds();
        var baseUrl = options.Value.BaseUrl!.TrimEnd('/');
        return string.Create(CultureInfo.InvariantCulture, $"{baseUrl}/exports/{token}?expires={expires}&sig={Sign(ExportPurpose + token, expires)}");
    }

    /// <summary>Checks an export link; on <see cref="LinkCheck.Valid"/> returns whose data it is and who asked.</summary>
    public (LinkCheck Check, string? CandidateId, string? Issuer) CheckExport(string token, string? expires, string? signature)
    {
        var check = Check(ExportPurpose + token, expires, signature);
        if (check != LinkCheck.Valid)
        {
            return (check, null, null);
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n', 2);
            return parts is [{ Length: > 0 } candidate, { Length: > 0 } issuer] ? (LinkCheck.Valid, candidate, issuer) : (LinkCheck.Invalid, null, null);
        }
        catch (FormatException)
        {
            return (LinkCheck.Invalid, null, null);
        }
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
