using System.Text.Json.Serialization;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// What an interview has gathered for good: its status and times, the judged answers and knockout results, the ids of the
/// messages it took, and the transcript lines of the last turn on their way to the transcript store (the outbox). Where
/// the engine stands in the plan is the interview's <see cref="PlanPosition"/>. A plain value, saved after every turn;
/// answers and knockouts only ever grow, which lets a store write just the new ones.
/// </summary>
public sealed record InterviewRecord
{
    /// <summary>
    /// The tag of the language the interview is held in (<c>de</c>), from the profile at the start; null in interviews
    /// saved before languages existed, which read as English. Kept so a closing message is in the candidate's language
    /// even when the profile is gone.
    /// </summary>
    public string? Language { get; init; }

    public InterviewStatus Status { get; init; } = InterviewStatus.NotStarted;

    public IReadOnlyList<AnswerRecord> Answers { get; init; } = [];

    public IReadOnlyList<KnockoutResult> Knockouts { get; init; } = [];

    /// <summary>Ids of the last few candidate messages, so a redelivered message is processed once.</summary>
    public IReadOnlyList<string> RecentMessageIds { get; init; } = [];

    /// <summary>
    /// Transcript lines of the last turn, saved with the interview (the commit point) and then written to the transcript
    /// store. A store that writes them to the transcript in the same atomic write empties the outbox as it saves; otherwise
    /// they are written right after, or on the next turn or by the scoring job if that write fails, so a crash between the
    /// two writes loses nothing and duplicates nothing (transcript writes are idempotent).
    /// </summary>
    public IReadOnlyList<TranscriptTurn> TranscriptOutbox { get; init; } = [];

    /// <summary>Sequence number the next transcript turn gets.</summary>
    public long NextTranscriptSequence { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>
    /// The candidate's time zone (IANA or Windows id) when a channel reported one (<see cref="CandidateTimeZones"/>); null
    /// while unknown. Reminders keep quiet at night in it.
    /// </summary>
    public string? CandidateTimeZone { get; init; }

    /// <summary>Time spent paused, excluded from answer timings.</summary>
    public TimeSpan PausedTotal { get; init; }

    /// <summary>
    /// The interview's own clock (<see cref="InterviewClock"/>): the time the candidate took over the answers since consent,
    /// pauses excluded and each answer counted at most <see cref="InterviewOptions.MaxCountedAnswerMinutes"/>.
    /// </summary>
    public TimeSpan TimeUsed { get; init; }

    /// <summary>Ids of the questions left out because the profile's <c>durationMinutes</c> ran out, in plan order.</summary>
    /// <remarks>Empty, never null, in records stored before the clock existed (a missing property reads as null).</remarks>
    public IReadOnlyList<string> NotReachedForTime { get; init => field = value ?? []; } = [];

    [JsonIgnore]
    public bool IsEnded => Status.IsTerminal();
}
