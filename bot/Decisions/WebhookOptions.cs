using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Section <c>Webhook</c>: the outbound, signed webhook an applicant tracking system consumes (README "Webhook"). Off while
/// <see cref="Url"/> is empty. The secret comes from the environment (<c>Webhook__Secret</c>) or user-secrets, never from
/// the committed appsettings.json.
/// </summary>
internal sealed class WebhookOptions
{
    public const string SectionName = "Webhook";

    /// <summary>Shortest secret accepted: 32 characters, as much entropy as the HMAC-SHA256 key can use well.</summary>
    public const int MinSecretLength = 32;

    /// <summary>Where events are POSTed (https; http only to this machine, for testing). Empty: no webhook.</summary>
    [Url]
    public string? Url { get; set; }

    /// <summary>The shared secret the signature is computed with.</summary>
    public string? Secret { get; set; }

    /// <summary>Attempts per event before it goes to the dead-letter store (the queue's poison store).</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second attempt; it doubles each time up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts: with the defaults the last attempt comes about two hours after the first.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long one attempt may take before it counts as failed; receivers should answer at once and work later.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a URL is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var wait = InitialBackoff;
        for (var i = 1; i < attempt && wait < MaxBackoff; i++)
        {
            wait *= 2;
        }

        return wait < MaxBackoff ? wait : MaxBackoff;
    }
}
