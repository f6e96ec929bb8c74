using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// The whole dialog state of one interview: a plain value, saved after every turn and loaded before the
/// next, so any process can continue any interview. Nothing about an interview is kept in memory between
/// turns. Typed on purpose (no object bag): every field survives a JSON round trip unchanged.
/// </summary>
public sealed record DialogState
{
    /// <summary>Bumped when the persisted shape changes incompatibly.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>
    /// Profile id, content hash and item count at the start (<c>backend-senior@3f2a…:14</c>). A profile edited
    /// mid-interview no longer matches, and the interview ends cleanly instead of asking the wrong question.
    /// </summary>
    public required string DialogVersion { get; init; }

    /// <summary>
    /// The tag of the language the interview is held in (<c>de</c>), from the profile at the start; null in interviews
    /// saved before languages existed, which read as English. Kept so a closing message is in the candidate's language
    /// even when the profile is gone.
    /// </summary>
    public string? Language { get; init; }

    public InterviewStatus Status { get; init; } = InterviewStatus.NotStarted;

    public Phase Phase { get; init; } = Phase.Consent;

    /// <summary>Index of the current item (one question with its follow-ups) in the interview plan.</summary>
    public int ItemIndex { get; init; }

    /// <summary>Index of the current waterfall step inside the item.</summary>
    public int StepIndex { get; init; }

    /// <summary>How many times the pending prompt has been re-asked because the answer was not understood.</summary>
    public int AttemptCount { get; init; }

    /// <summary>The question waiting for an answer, or null between turns that need none.</summary>
    public PendingPrompt? Pending { get; init; }

    /// <summary>A yes/no confirmation in flight (withdraw), answered before anything else.</summary>
    public ConfirmationKind? Confirmation { get; init; }

    /// <summary>Adaptive follow-ups asked for the current custom question.</summary>
    public int FollowUpsAsked { get; init; }

    /// <summary>The candidate's answers so far for the current custom question, joined; cleared when it ends.</summary>
    public string? WorkingAnswer { get; init; }

    /// <summary>Time the candidate spent on the current question so far (pauses excluded).</summary>
    public TimeSpan WorkingAnswerTime { get; init; }

    /// <summary>
    /// LLM tokens spent judging the current custom question's answer before its follow-ups (those judgments are
    /// replaced by the final one, which takes these counts over when it is recorded).
    /// </summary>
    public int WorkingInputTokens { get; init; }

    /// <summary>Completion tokens counted like <see cref="WorkingInputTokens"/>.</summary>
    public int WorkingOutputTokens { get; init; }

    /// <summary>Focus areas already probed by follow-ups of the current question (no repeats).</summary>
    public IReadOnlyList<string> ProbedFocus { get; init; } = [];

    /// <summary>Integrity flags of the current custom question's earlier messages (typing speed, repeats), kept for its final judgment.</summary>
    public IReadOnlyList<RedFlag> WorkingFlags { get; init; } = [];

    /// <summary>Sentence fingerprints of the current custom question's earlier messages (see <c>TurnIntegrity</c>).</summary>
    public IReadOnlyList<long> WorkingFingerprints { get; init; } = [];

    public IReadOnlyList<AnswerRecord> Answers { get; init; } = [];

    public IReadOnlyList<KnockoutResult> Knockouts { get; init; } = [];

    /// <summary>Ids of the last few candidate messages, so a redelivered message is processed once.</summary>
    public IReadOnlyList<string> RecentMessageIds { get; init; } = [];

    /// <summary>
    /// Transcript lines of the last turn, saved with the state (the commit point) and then written to the
    /// transcript store. If that write fails they are written on the next turn or by the scoring job, so a
    /// crash between the two writes loses nothing and duplicates nothing (transcript writes are idempotent).
    /// </summary>
    public IReadOnlyList<Screening.TranscriptTurn> UnflushedTranscript { get; init; } = [];

    /// <summary>
    /// The optional self-identification question open after the screen ended; null when none is. Only which question: the
    /// answers go to their own store (<see cref="Storage.ISelfIdentificationStore"/>), never into this state.
    /// </summary>
    public Compliance.SelfIdentificationStep? SelfIdentification { get; init; }

    /// <summary>Sequence number the next transcript turn gets.</summary>
    public long NextTranscriptSequence { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    public DateTimeOffset ExpiresAt { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    /// <summary>Time spent paused, excluded from answer timings.</summary>
    public TimeSpan PausedTotal { get; init; }

    public bool IsEnded => Status.IsTerminal();
}

/// <summary>A question the bot asked and is waiting on. Persisted so <c>repeat</c> and validation work after a restart.</summary>
public sealed record PendingPrompt
{
    public required PromptSpec Prompt { get; init; }

    /// <summary>The step that receives the recognised answer.</summary>
    public required int ResumeAt { get; init; }

    /// <summary>When the prompt was sent, for answer timings.</summary>
    public required DateTimeOffset AskedAt { get; init; }

    /// <summary><see cref="DialogState.PausedTotal"/> when the prompt was sent, so pauses are left out of answer timings.</summary>
    public TimeSpan PausedTotalAtAsk { get; init; }
}

/// <summary>The final judgment of one question (custom, blueprint main question or follow-up, language).</summary>
public sealed record AnswerRecord
{
    public required string QuestionId { get; init; }

    public required QuestionKind Kind { get; init; }

    public required Phase Phase { get; init; }

    public required Judgment Judgment { get; init; }

    /// <summary>Characters the candidate wrote for this question (with follow-ups), for confidence.</summary>
    public int AnswerLength { get; init; }

    /// <summary>How long the candidate took, summed over the question and its follow-ups (pauses excluded).</summary>
    public TimeSpan AnswerTime { get; init; }

    /// <summary>Adaptive follow-ups asked for it (custom questions).</summary>
    public int FollowUpsAsked { get; init; }

    /// <summary>True when the candidate skipped it ("skip", "pass", "I don't know").</summary>
    public bool Skipped { get; init; }

    /// <summary>Sentence fingerprints of what the candidate wrote for it, to recognise the same answer given again (see <c>TurnIntegrity</c>).</summary>
    public IReadOnlyList<long> Fingerprints { get; init; } = [];
}

/// <summary>The result of one knockout question.</summary>
/// <param name="AnswerText">The answer as the candidate gave it, normalised (e.g. <c>4</c>, <c>yes</c>, <c>2026-12-01</c>).</param>
public sealed record KnockoutResult(string KnockoutId, string AnswerText, bool Passed);

public enum ConfirmationKind
{
    Withdraw,
}

/// <summary>The phases of a screen, in order.</summary>
public enum Phase
{
    Consent,
    Knockouts,
    CustomQuestions,
    Blueprints,
    LanguageAssessment,
    Closing,
}

public enum InterviewStatus
{
    /// <summary>Created; the candidate has not answered the consent question yet.</summary>
    NotStarted,

    InProgress,

    Paused,

    /// <summary>Every question asked; scorecard follows.</summary>
    Completed,

    /// <summary>A knockout failed; recommendation is No.</summary>
    KnockedOut,

    /// <summary>The candidate declined consent.</summary>
    Declined,

    /// <summary>The candidate withdrew.</summary>
    Withdrawn,

    /// <summary>The interview passed its expiry time.</summary>
    Expired,

    /// <summary>A recruiter cancelled it.</summary>
    Cancelled,

    /// <summary>The profile changed incompatibly mid-interview.</summary>
    Invalidated,

    /// <summary>The candidate asked for a person instead (<c>human</c>, <c>opt out</c>); nothing is scored.</summary>
    OptedOut,
}

public static class InterviewStatusExtensions
{
    /// <summary>True for statuses after which no more questions are asked.</summary>
    public static bool IsTerminal(this InterviewStatus status) => status is not (InterviewStatus.NotStarted or InterviewStatus.InProgress or InterviewStatus.Paused);
}
