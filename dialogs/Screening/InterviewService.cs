using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// The application service every channel calls: starts interviews and runs candidate turns against the
/// storage ports. Per turn: take the interview and its ETag (from this process's cache of recent interviews, or
/// from storage), run <see cref="ScreeningDialog"/>, save the new state with If-Match (the commit point; the turn's
/// transcript lines travel inside it), write out whatever lines the store did not take in the same write and, when
/// the interview ended, enqueue the scoring job. A lost ETag race drops the cached copy and reruns the turn on a fresh
/// read; a turn that would end without saving (a duplicate, a refusal, an ended interview) is decided on a fresh read
/// too, since only a save proves a cached copy current. Safe for many instances on one store.
/// With an <see cref="IAuditLog"/>, consents, opt-outs, withdrawals and endings are recorded there (who and what, never content).
/// </summary>
public sealed class InterviewService
{
    /// <summary>How often a turn is rerun after losing an ETag race before giving up.</summary>
    public const int MaxTurnAttempts = 5;

    private readonly IProfileSource _profiles;
    private readonly IInterviewStore _interviews;
    private readonly ITranscriptStore _transcripts;
    private readonly IJobQueue _jobs;
    private readonly ScreeningDialog _dialog;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IAuditLog? _audit;
    private readonly ISelfIdentificationStore? _selfIdentifications;
    private readonly KeyedAsyncLock _conversationLocks = new();
    private readonly FlushedTranscripts _flushed = new();
    private readonly InterviewCache _cache;

    public InterviewService(
        IProfileSource profiles,
        IInterviewStore interviews,
        ITranscriptStore transcripts,
        IJobQueue jobs,
        ScreeningDialog dialog,
        TimeProvider time,
        ILogger<InterviewService> logger,
        IAuditLog? audit = null,
        ISelfIdentificationStore? selfIdentifications = null)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        ArgumentNullException.ThrowIfNull(interviews);
        ArgumentNullException.ThrowIfNull(transcripts);
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(dialog);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _profiles = profiles;
        _interviews = interviews;
        _transcripts = transcripts;
        _jobs = jobs;
        _dialog = dialog;
        _time = time;
        _logger = logger;
        _audit = audit;
        _selfIdentifications = selfIdentifications;
        _cache = new InterviewCache(dialog.Options.CachedInterviews);
    }

    public IProfileSource Profiles => _profiles;

    /// <summary>
    /// Creates an interview and produces the welcome and consent question for the candidate. Refuses when the
    /// profile is unknown or the candidate's conversation already has an interview in progress.
    /// </summary>
    public async Task<StartInterviewResult> StartAsync(StartInterviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_profiles.TryGet(request.ProfileId, out var profile))
        {
            return StartInterviewResult.UnknownProfile(request.ProfileId, _profiles.Profiles.Select(p => p.Id).ToArray());
        }

        using var _ = await _conversationLocks.AcquireAsync(request.CandidateConversation.Key, cancellationToken);
        var existing = await _interviews.FindByConversationAsync(request.CandidateConversation.Key, cancellationToken);
        if (existing is { Interview.Record.IsEnded: false })
        {
            return StartInterviewResult.AlreadyInProgress(existing.Interview);
        }

        var interview = new Interview
        {
            Id = InterviewIds.New(),
            ProfileId = profile.Id,
            Candidate = request.Candidate,
            CandidateConversation = request.CandidateConversation,
            Recruiter = request.Recruiter,
            HiringConversation = request.HiringConversation,
            CreatedAt = _time.GetUtcNow(),
            Position = _dialog.CreatePosition(profile),
            Record = _dialog.CreateRecord(profile) with { CandidateTimeZone = CandidateTimeZones.Known(request.CandidateTimeZone) },
        };
        var outcome = await _dialog.StartAsync(profile, interview, cancellationToken);
        interview = interview with { Position = outcome.Position, Record = outcome.Record with { TranscriptOutbox = outcome.Transcript } };
        var stored = await _interviews.CreateAsync(interview, cancellationToken);
        _cache.Set(stored);
        await FlushAsync(stored.Interview, stored.Interview.Record.TranscriptOutbox, cancellationToken);
        return StartInterviewResult.Started(interview, outcome.Replies);
    }

    /// <summary>Runs one candidate message through the interview of the conversation with key <paramref name="conversationKey"/>.</summary>
    /// <exception cref="StorageUnavailableException">Storage is down; nothing was changed, the caller may retry.</exception>
    public Task<InterviewTurnResult> HandleMessageAsync(string conversationKey, IncomingMessage message, CancellationToken cancellationToken) =>
        HandleMessageAsync(conversationKey, message, admit: null, cancellationToken);

    /// <summary>
    /// Runs one candidate message through the interview of the conversation with key <paramref name="conversationKey"/>,
    /// if <paramref name="admit"/> lets it: the caller's rules (who may answer, which buttons still count) are asked once
    /// the interview is loaded, under the conversation's lock, so they see the state the turn would run on without a second
    /// read. A refused message changes nothing and gets <see cref="InterviewTurnStatus.Refused"/>; a redelivery of a message
    /// the interview already took is reported as <see cref="InterviewTurnStatus.Duplicate"/> before any rule is asked.
    /// </summary>
    /// <exception cref="StorageUnavailableException">Storage is down; nothing was changed, the caller may retry.</exception>
    public async Task<InterviewTurnResult> HandleMessageAsync(string conversationKey, IncomingMessage message, Func<Interview, bool>? admit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationKey);
        ArgumentNullException.ThrowIfNull(message);
        using var _ = await _conversationLocks.AcquireAsync(conversationKey, cancellationToken);
        var cached = _cache.Get(conversationKey);
        for (var attempt = 1; ; attempt++)
        {
            var stored = cached ?? await _interviews.FindByConversationAsync(conversationKey, cancellationToken);
            if (stored is null)
            {
                return InterviewTurnResult.NoInterview;
            }

            var interview = stored.Interview;
            if (admit is not null && !Took(interview, message) && !admit(interview))
            {
                if (Revalidate(conversationKey, ref cached))
                {
                    continue;
                }

                return new InterviewTurnResult(InterviewTurnStatus.Refused, interview, []);
            }

            // The previous turn's lines, if the store kept them in the outbox: written already unless that write failed or
            // another instance ran the turn. Writing them again is safe (idempotent) but costs a write, so skip what this
            // process knows is stored.
            await FlushAsync(interview, _flushed.Unconfirmed(interview.Id, interview.Record.TranscriptOutbox), cancellationToken);
            var outcome = _profiles.TryGet(interview.ProfileId, out var profile)
                ? await _dialog.ContinueAsync(profile, interview, message, cancellationToken)
                : ProfileRemoved(interview);
            if (outcome.Disposition != TurnDisposition.Processed)
            {
                if (Revalidate(conversationKey, ref cached))
                {
                    continue;
                }

                return new InterviewTurnResult(Map(outcome.Disposition), interview, outcome.Replies);
            }

            var zone = CandidateTimeZones.Known(message.TimeZone) ?? outcome.Record.CandidateTimeZone;
            var updated = interview with { Position = outcome.Position, Record = outcome.Record with { TranscriptOutbox = outcome.Transcript, CandidateTimeZone = zone } };
            StoredInterview saved;
            try
            {
                saved = await _interviews.UpdateAsync(stored, updated, cancellationToken);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxTurnAttempts)
            {
                DialogsLog.TurnConflict(_logger, interview.Id, attempt);
                _cache.Remove(conversationKey);
                cached = null;
                continue;
            }
            catch
            {
                // Whether the write happened is unknown (storage down, a conflict too many): the next turn reads afresh.
                _cache.Remove(conversationKey);
                throw;
            }

            _cache.Set(saved);
            await FlushAsync(saved.Interview, saved.Interview.Record.TranscriptOutbox, cancellationToken);
            await Compliance.InterviewAudit.RecordAsync(_audit, interview.Record.Status, updated, _time.GetUtcNow(), _logger, cancellationToken);
            await SaveSelfIdentificationAsync(updated, outcome, cancellationToken);
            if (outcome.EndedThisTurn)
            {
                await EnqueueScoringAsync(updated.Id, cancellationToken);
            }

            return new InterviewTurnResult(InterviewTurnStatus.Processed, updated, outcome.Replies);
        }
    }

    /// <summary>Ends an interview at a recruiter's request. Returns null when no interview has that id.</summary>
    public async Task<Interview?> CancelAsync(string interviewId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(interviewId);
        for (var attempt = 1; ; attempt++)
        {
            var stored = await _interviews.GetAsync(interviewId, cancellationToken);
            if (stored is null || stored.Interview.Record.IsEnded)
            {
                return stored?.Interview;
            }

            var now = _time.GetUtcNow();
            var cancelled = stored.Interview with
            {
                Position = stored.Interview.Position with { Pending = null, Confirmation = null },
                Record = stored.Interview.Record with { Status = InterviewStatus.Cancelled, EndedAt = now, PausedAt = null },
            };
            try
            {
                await _interviews.UpdateAsync(stored, cancelled, cancellationToken);
                _cache.Remove(cancelled.ConversationKey);
                DialogsLog.InterviewEnded(_logger, interviewId, InterviewStatus.Cancelled, cancelled.Position.Phase);
                return cancelled;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxTurnAttempts)
            {
                DialogsLog.TurnConflict(_logger, interviewId, attempt);
            }
        }
    }

    /// <summary>Enqueues scoring for a finished interview (also used to re-request a missing scorecard).</summary>
    public async Task EnqueueScoringAsync(string interviewId, CancellationToken cancellationToken)
    {
        try
        {
            await _jobs.EnqueueAsync(new ScoringJob(interviewId), cancellationToken);
        }
        catch (Exception e) when (e is StorageUnavailableException or InvalidOperationException)
        {
            // The interview is already saved as ended; `status`/`report` re-enqueue a missing scorecard.
            DialogsLog.ScoringEnqueueFailed(_logger, interviewId, e);
        }
    }

    /// <summary>
    /// True (and the cached copy dropped) when the turn's decision was made on a cached copy: a turn that saves proves its copy
    /// current by the ETag, but one that ends without saving (a refusal, a duplicate, an ended interview) must not trust a copy
    /// another process may have moved on from, so it is decided again on a fresh read.
    /// </summary>
    private bool Revalidate(string conversationKey, ref StoredInterview? cached)
    {
        if (cached is null)
        {
            return false;
        }

        _cache.Remove(conversationKey);
        cached = null;
        return true;
    }

    /// <summary>True when the interview already took this message (a redelivery the dialog answers as a duplicate).</summary>
    private static bool Took(Interview interview, IncomingMessage message) =>
        message.MessageId is { Length: > 0 } id && interview.Record.RecentMessageIds.Contains(id, StringComparer.Ordinal);

    private static InterviewTurnStatus Map(TurnDisposition disposition) => disposition switch
    {
        TurnDisposition.Duplicate => InterviewTurnStatus.Duplicate,
        TurnDisposition.AlreadyEnded => InterviewTurnStatus.AlreadyEnded,
        TurnDisposition.Rejected => InterviewTurnStatus.Rejected,
        _ => InterviewTurnStatus.Processed,
    };

    private TurnOutcome ProfileRemoved(Interview interview)
    {
        var now = _time.GetUtcNow();
        return new TurnOutcome(
            interview.Position with { Pending = null },
            interview.Record with { Status = InterviewStatus.Invalidated, EndedAt = now },
            [new Reply { Text = CandidateLanguages.Resolve(interview.Record.Language).Texts.ProfileChanged, Kind = ReplyKind.Closing }], [], TurnDisposition.Processed) { EndedThisTurn = true };
    }

    /// <summary>
    /// Keeps the optional self-identification in its own store: a record with nothing answered once it is offered (so the
    /// candidate counts as "not answered" in the adverse-impact report), then each answer as it comes.
    /// </summary>
    private async Task SaveSelfIdentificationAsync(Interview interview, TurnOutcome outcome, CancellationToken cancellationToken)
    {
        var offered = outcome.EndedThisTurn && interview.Position.SelfIdentification is not null;
        if (_selfIdentifications is null || (!offered && outcome.SelfIdentified is null))
        {
            return;
        }

        try
        {
            var record = await _selfIdentifications.GetAsync(interview.Id, cancellationToken)
                ?? new SelfIdentification { InterviewId = interview.Id, ProfileId = interview.ProfileId, InterviewCreatedAt = interview.CreatedAt, RecordedAt = _time.GetUtcNow() };
            record = outcome.SelfIdentified switch
            {
                { Question: Compliance.SelfIdentificationStep.Sex } a => record with { Sex = a.Sex, RecordedAt = _time.GetUtcNow() },
                { } a => record with { RaceEthnicity = a.RaceEthnicity, RecordedAt = _time.GetUtcNow() },
                null => record,
            };
            await _selfIdentifications.SaveAsync(record, cancellationToken);
        }
        catch (StorageUnavailableException e)
        {
            Compliance.ComplianceLog.SelfIdentificationNotSaved(_logger, interview.Id, e);
        }
    }

    private async Task FlushAsync(Interview interview, IReadOnlyList<TranscriptTurn> turns, CancellationToken cancellationToken)
    {
        if (turns.Count == 0)
        {
            return;
        }

        try
        {
            await _transcripts.AppendAsync(interview.Id, turns, cancellationToken);
            _flushed.Confirm(interview.Id, turns[^1].Sequence);
        }
        catch (StorageUnavailableException e)
        {
            // The lines are safe inside the saved state; the next turn or the scoring job writes them.
            DialogsLog.TranscriptFlushFailed(_logger, interview.Id, turns.Count, e);
        }
    }
}

/// <summary>Ask to interview <see cref="Candidate"/> on profile <see cref="ProfileId"/> in their 1:1 conversation.</summary>
public sealed record StartInterviewRequest(
    string ProfileId,
    Participant Candidate,
    ConversationAddress CandidateConversation,
    Participant? Recruiter,
    ConversationAddress? HiringConversation,
    string? CandidateTimeZone = null);

public enum StartInterviewStatus
{
    Started,
    UnknownProfile,
    AlreadyInProgress,
}

/// <summary>The result of <see cref="InterviewService.StartAsync"/>.</summary>
/// <param name="Replies">For <see cref="StartInterviewStatus.Started"/>: the welcome and consent question to send to the candidate.</param>
/// <param name="AvailableProfiles">For <see cref="StartInterviewStatus.UnknownProfile"/>: the ids that do exist.</param>
public sealed record StartInterviewResult(StartInterviewStatus Status, Interview? Interview, IReadOnlyList<Reply> Replies, IReadOnlyList<string> AvailableProfiles)
{
    public static StartInterviewResult Started(Interview interview, IReadOnlyList<Reply> replies) => new(StartInterviewStatus.Started, interview, replies, []);

    public static StartInterviewResult UnknownProfile(string profileId, IReadOnlyList<string> available) =>
        new(StartInterviewStatus.UnknownProfile, null, [], available) { RequestedProfileId = profileId };

    public static StartInterviewResult AlreadyInProgress(Interview interview) => new(StartInterviewStatus.AlreadyInProgress, interview, [], []);

    public string? RequestedProfileId { get; init; }
}

public enum InterviewTurnStatus
{
    Processed,

    /// <summary>No interview exists for the conversation.</summary>
    NoInterview,

    Duplicate,

    AlreadyEnded,

    Rejected,

    /// <summary>The caller's admission rule refused the message before the dialog saw it; nothing changed.</summary>
    Refused,
}

/// <summary>The result of <see cref="InterviewService.HandleMessageAsync(string, IncomingMessage, CancellationToken)"/>: what to send back, and the interview after the turn.</summary>
public sealed record InterviewTurnResult(InterviewTurnStatus Status, Interview? Interview, IReadOnlyList<Reply> Replies)
{
    public static InterviewTurnResult NoInterview { get; } = new(InterviewTurnStatus.NoInterview, null, []);

    public bool Ended => Interview?.Record.IsEnded ?? false;
}
