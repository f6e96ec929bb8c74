namespace ScreeningBot.Dialogs.Waterfall;

/// <summary>
/// Where the waterfall engine stands in an interview's plan: the item and step, the prompt it waits on, and what the
/// current item has gathered so far (a custom question's answer across its follow-ups, cleared when the item ends).
/// Saved after every turn beside the interview's <see cref="Screening.InterviewRecord"/>, which keeps what the interview
/// has gathered for good. A plain value: every field survives a JSON round trip unchanged.
/// </summary>
public sealed record PlanPosition
{
    /// <summary>
    /// Profile id, content hash and item count at the start (<c>backend-senior@3f2a…:14</c>). A profile edited
    /// mid-interview no longer matches, and the interview ends cleanly instead of asking the wrong question.
    /// </summary>
    public required string PlanVersion { get; init; }

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
    /// <remarks>Empty, never null, in positions stored before integrity flags existed (a missing property reads as null).</remarks>
    public IReadOnlyList<Judging.RedFlag> WorkingFlags { get; init => field = value ?? []; } = [];

    /// <summary>Sentence fingerprints of the current custom question's earlier messages (see <c>TurnIntegrity</c>).</summary>
    public IReadOnlyList<long> WorkingFingerprints { get; init => field = value ?? []; } = [];

    /// <summary>
    /// The optional self-identification question open after the screen ended; null when none is. Only which question: the
    /// answers go to their own store (<see cref="Storage.ISelfIdentificationStore"/>), never into this position.
    /// </summary>
    public Compliance.SelfIdentificationStep? SelfIdentification { get; init; }
}
