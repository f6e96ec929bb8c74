using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Keeps the interview to the profile's <c>durationMinutes</c> (issue 22). The clock is <see cref="InterviewRecord.TimeUsed"/>:
/// the time the candidate took over each answer since consent, from the turn timestamps the answer latency already uses
/// (asked → sent, by the injected <see cref="TimeProvider"/> or the channel's plausible send time), with paused time
/// excluded and each answer capped at <see cref="InterviewOptions.MaxCountedAnswerMinutes"/> so a candidate who walked away
/// without pausing is not wrapped up on return. Consent is not counted; knockouts are, but never skipped.
/// </summary>
/// <remarks>
/// What gives way, in this order, and only between answers (a candidate is never cut off mid-answer; at most the answer in
/// progress runs over):
/// 1. Running out, less than <see cref="RunningOutShare"/> of the time left: custom questions get no more adaptive
///    follow-ups (they are optional and differ between candidates anyway).
/// 2. Up, the planned time used: no new question starts. The current deep-dive's remaining follow-ups, then the remaining
///    custom questions, deep-dives and language questions are left out, the candidate is told once why
///    (<c>timeWrapUp</c> in the language files), and the closing follows. The scorecard lists each as
///    "not reached (time)" (<see cref="InterviewRecord.NotReachedForTime"/>).
/// </remarks>
internal static class InterviewClock
{
    /// <summary>Adaptive follow-ups stop when less than this share of the planned time is left.</summary>
    public const double RunningOutShare = 0.2;

    public static TimeSpan Planned(Profile profile) => TimeSpan.FromMinutes(profile.DurationMinutes);

    /// <summary>What one answer adds to the clock: its latency (pauses already taken out), at most the configured cap.</summary>
    public static TimeSpan Counted(TimeSpan latency, InterviewOptions options)
    {
        var cap = TimeSpan.FromMinutes(options.MaxCountedAnswerMinutes);
        return latency < TimeSpan.Zero ? TimeSpan.Zero : latency > cap ? cap : latency;
    }

    /// <summary>Less than <see cref="RunningOutShare"/> of the planned time is left (or none).</summary>
    public static bool IsRunningOut(Profile profile, InterviewRecord record) =>
        record.TimeUsed >= Planned(profile) * (1 - RunningOutShare);

    /// <summary>The planned time is used: no new question starts.</summary>
    public static bool IsUp(Profile profile, InterviewRecord record) => record.TimeUsed >= Planned(profile);

    /// <summary>
    /// The record with <paramref name="questionIds"/> left out for time, and whether this is the first time anything was
    /// (the moment to tell the candidate).
    /// </summary>
    public static (InterviewRecord Record, bool First) LeaveOut(InterviewRecord record, IEnumerable<string> questionIds)
    {
        var first = record.NotReachedForTime.Count == 0;
        return (record with { NotReachedForTime = [.. record.NotReachedForTime, .. questionIds] }, first);
    }
}
