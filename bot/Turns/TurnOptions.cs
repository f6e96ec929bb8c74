using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Turns;

/// <summary>How the turn host queues and deduplicates turns, for every channel (section <c>Turns</c>).</summary>
internal sealed class TurnOptions
{
    public const string SectionName = "Turns";

    /// <summary>
    /// Turns accepted but not finished, across all conversations; beyond it channels answer "busy" (HTTP 503) so the sender
    /// retries. A turn is a few milliseconds with the offline judge, so 1,000 waiting means something is badly stuck.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxPendingTurns { get; set; } = 1_000;

    /// <summary>
    /// Turns running at once, across all conversations (one conversation runs one at a time anyway). Turns mostly wait on
    /// storage and the judge, so this is well above the core count; it bounds the load a burst puts on storage and the LLM.
    /// </summary>
    [Range(1, 10_000)]
    public int MaxConcurrentTurns { get; set; } = 64;

    /// <summary>How long a delivery id is remembered to drop redeliveries. Teams and Slack retry within minutes; a day is generous.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan DeduplicationWindow { get; set; } = TimeSpan.FromDays(1);
}
