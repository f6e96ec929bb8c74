namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The candidate's time zone as a channel reports it (Teams <c>localTimezone</c> or <c>clientInfo.timezone</c>, Slack
/// <c>users.info</c> <c>tz</c>): untrusted, so kept only when it names a zone this machine knows (IANA or Windows id).
/// Reminders use it for quiet hours (bot/Reminders/ReminderWorker.cs).
/// </summary>
public static class CandidateTimeZones
{
    /// <summary>Longest id kept; the longest IANA ids are about 30 characters.</summary>
    public const int MaxLength = 64;

    /// <summary>The id when it names a known zone, else null.</summary>
    public static string? Known(string? id)
    {
        var trimmed = id?.Trim();
        return trimmed is { Length: > 0 and <= MaxLength } && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out _) ? trimmed : null;
    }
}
