using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Reminders;

/// <summary>Section <c>Reminders</c>: when an idle candidate is nudged, and how often the worker looks (issue 17).</summary>
internal sealed class ReminderOptions
{
    public const string SectionName = "Reminders";

    /// <summary>Off: nobody is nudged and screens expire only when the candidate next writes.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Idle times after which a candidate is nudged, one nudge each: a day, then three days, as recruiters do by hand.
    /// Idle time counts from the candidate's last message (or the invitation).
    /// </summary>
    public IList<TimeSpan> NudgeAfter { get; } = [TimeSpan.FromHours(24), TimeSpan.FromHours(72)];

    /// <summary>Most nudges one screen gets, whatever <see cref="NudgeAfter"/> lists.</summary>
    [Range(0, 10)]
    public int MaxNudges { get; set; } = 2;

    /// <summary>No nudges from this hour (local time of the candidate, else <see cref="TimeZone"/>)…</summary>
    [Range(0, 23)]
    public int QuietFromHour { get; set; } = 21;

    /// <summary>…until this hour: a nudge due at night waits for the morning.</summary>
    [Range(0, 23)]
    public int QuietUntilHour { get; set; } = 8;

    /// <summary>IANA or Windows time zone used for quiet hours while the candidate's own is unknown.</summary>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>How often each instance looks for idle and overdue screens; every instance looks, one acts on each screen.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromMinutes(5);
}
