using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// How interviews behave. The host binds it from the <c>Screening</c> configuration section as part of its own options for
/// that section (which add who may recruit), hence not sealed.
/// </summary>
public class InterviewOptions
{
    public const string SectionName = "Screening";

    /// <summary>
    /// Days an interview stays open after it starts. A week lets candidates answer in their own time
    /// (evenings, a weekend) without leaving stale screens around forever.
    /// </summary>
    [Range(1, 90)]
    public int InterviewExpiryDays { get; set; } = 7;

    /// <summary>
    /// Longest answer accepted in one message. Chat clients cap messages at roughly 28–40k characters;
    /// 20,000 leaves room for a pasted design while bounding what the judges read.
    /// </summary>
    [Range(200, 200_000)]
    public int MaxAnswerCharacters { get; set; } = 20_000;

    /// <summary>How many recent message ids each interview remembers to drop redeliveries.</summary>
    [Range(1, 200)]
    public int RecentMessageIdCount { get; set; } = 32;

    /// <summary>
    /// Days a screen's record is kept, as the notice before the first question tells the candidate. The host sets it from
    /// <c>Storage:RetentionDays</c> (bot/Hosting/ScreeningCoreServiceCollectionExtensions.cs), the setting that deletes them,
    /// so the two cannot disagree.
    /// </summary>
    [Range(1, 3650)]
    public int RetentionDays { get; set; } = 180;

    /// <summary>
    /// The employer's privacy notice, linked from the notice before the first question; a profile's own <c>privacyUrl</c>
    /// wins. None by default: the notice then says to ask the recruiter.
    /// </summary>
    [Url]
    public string? PrivacyUrl { get; set; }

    /// <summary>
    /// Whether a screened candidate (completed, or ended at a knockout) is offered the optional self-identification (gender,
    /// race/ethnicity) for the adverse-impact report. Off by default: collecting it is the employer's decision (a NYC Local
    /// Law 144 bias audit needs it; in the EU it is special-category data under GDPR article 9).
    /// </summary>
    public bool SelfIdentification { get; set; }

    /// <summary>
    /// Interviews each process keeps in memory between turns (with their ETags), so a turn need not read its interview back
    /// from storage. Correct with several instances: a save is conditional on the ETag, and a stale copy costs one conflict
    /// and a fresh read. 1,024 interviews take a few megabytes; 0 reads every turn's interview from storage.
    /// </summary>
    [Range(0, 100_000)]
    public int CachedInterviews { get; set; } = 1024;

    /// <summary>
    /// The most one answer adds to the interview's clock (<see cref="InterviewClock"/>). A candidate who walks away without
    /// typing pause and comes back hours later finds the interview where they left it, not at its end; 20 minutes is longer
    /// than a considered answer to a design deep-dive takes.
    /// </summary>
    [Range(1, 240)]
    public int MaxCountedAnswerMinutes { get; set; } = 20;

    public TimeSpan InterviewExpiry => TimeSpan.FromDays(InterviewExpiryDays);
}
