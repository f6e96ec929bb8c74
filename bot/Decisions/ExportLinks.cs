using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Reports;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Signed download links for the recruiter command <c>export</c>: <c>{BaseUrl}/exports/screens/{profile}?since=…&amp;format=…&amp;expires=…&amp;sig=…</c>,
/// HMAC-SHA256 with <see cref="ReportOptions.SigningKey"/> over a message that starts with <c>export</c>, so a report link's
/// signature never opens an export nor the other way round. A link works for <see cref="Lifetime"/>. Thread-safe.
/// </summary>
internal sealed class ExportLinks(IOptions<ReportOptions> options, TimeProvider time)
{
    public const string Route = "/exports/screens/{profileId}";

    /// <summary>An export holds every candidate of a profile: a link that works for an hour is enough to download it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public bool Enabled => options.Value.Enabled;

    /// <summary>A link to the export, or null when links are off (no <c>Reports:BaseUrl</c>).</summary>
    public string? Create(string profileId, DateTimeOffset? since, ExportFormat format)
    {
        ArgumentException.ThrowIfNullOrEmpty(profileId);
        if (!Enabled)
        {
            return null;
        }

        var expires = (time.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var day = Day(since);
        var formatName = format.ToString().ToLowerInvariant();
        var query = $"format={formatName}" + (day.Length > 0 ? "&since=" + day : string.Empty);
        return string.Create(CultureInfo.InvariantCulture, $"{options.Value.BaseUrl!.TrimEnd('/')}/exports/screens/{Uri.EscapeDataString(profileId)}?{query}&expires={expires}&sig={Sign(profileId, day, formatName, expires)}");
    }

    /// <summary>Checks a link's parameters (as they arrived in the query).</summary>
    public LinkCheck Check(string profileId, string? since, string? format, string? expires, string? signature)
    {
        if (!Enabled || string.IsNullOrEmpty(profileId) || string.IsNullOrEmpty(signature)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAt))
        {
            return LinkCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(profileId, since ?? string.Empty, format ?? string.Empty, expiresAt));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LinkCheck.Invalid;
        }

        return time.GetUtcNow().ToUnixTimeSeconds() > expiresAt ? LinkCheck.Expired : LinkCheck.Valid;
    }

    public static string Day(DateTimeOffset? since) => since?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private string Sign(string profileId, string since, string format, long expires)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.SigningKey ?? string.Empty);
        var message = string.Create(CultureInfo.InvariantCulture, $"export\n{profileId}\n{since}\n{format}\n{expires}");
        return Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(message))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
