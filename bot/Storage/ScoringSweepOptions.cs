using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// Section <c>Storage:ScoringSweep</c>: how <see cref="ScoringSweep"/> finds finished interviews whose scoring job was lost
/// (the queue was down when the interview ended) and queues it again.
/// </summary>
internal sealed class ScoringSweepOptions
{
    public const string SectionName = "Storage:ScoringSweep";

    /// <summary>Off: a lost scoring job is queued again only when a recruiter lists screens (<c>status</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the store is looked at: one pass per interval, run by whichever instance takes its lease (<see cref="PassLease"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long after an interview ended its scorecard may still be on its way before the sweep queues the job again: the
    /// job's first try and one retry after the queue's visibility timeout (5 minutes by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The longest wait between two requeues of one interview. The waits double from <see cref="Grace"/> (10, 20, 40 minutes…)
    /// up to this, so a job that cannot succeed (its profile was deleted) is not queued over and over.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan MaxRetrySpacing { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Interviews created longer ago than this are not looked at: two weeks covers the longest screen and days of outage.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan Lookback { get; set; } = TimeSpan.FromDays(14);
}
