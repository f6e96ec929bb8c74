using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// Runs one turn of a screening interview: state in, state out. Handles what applies at every step
/// (redeliveries, expiry, a changed profile, the candidate commands help/repeat/pause/resume/withdraw/human,
/// answers that are not understood) and hands recognised answers to the waterfall engine. Keeps nothing
/// about an interview between calls; thread-safe.
/// </summary>
public sealed class ScreeningDialog
{
    /// <summary>
    /// How far a channel's clock may be from the bot's before the channel's send times are ignored. Teams', Slack's and the
    /// bot's clocks are kept within milliseconds of each other; a timestamp farther off than this is wrong, not skewed.
    /// </summary>
    public static readonly TimeSpan MaxChannelClockSkew = TimeSpan.FromMinutes(5);

    private readonly PhaseKit _kit;
    private readonly TimeProvider _time;
    private readonly InterviewOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<(string Id, string Hash), InterviewPlan> _plans = new();

    public ScreeningDialog(IAnswerJudge judge, TimeProvider time, InterviewOptions options, ILogger<ScreeningDialog> logger)
    {
        ArgumentNullException.ThrowIfNull(judge);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        _time = time;
        _options = options;
        _logger = logger;
        _kit = new PhaseKit(judge, options, logger);
    }

    /// <summary>How interviews behave (as given to the constructor).</summary>
    public InterviewOptions Options => _options;

    /// <summary>The plan version an interview on <paramref name="profile"/> records (see <see cref="PlanPosition.PlanVersion"/>).</summary>
    public string GetPlanVersion(Profile profile) => GetPlan(profile).Version;

    /// <summary>Questions that are judged in an interview on <paramref name="profile"/> (for coverage).</summary>
    public int GetJudgedQuestionCount(Profile profile) => GetPlan(profile).JudgedQuestionCount;

    /// <summary>Where a new interview starts: the first step of the plan for <paramref name="profile"/>.</summary>
    public PlanPosition CreatePosition(Profile profile) => new() { PlanVersion = GetPlanVersion(profile) };

    /// <summary>The record of a new interview, before the welcome is sent.</summary>
    public InterviewRecord CreateRecord(Profile profile)
    {
        var now = _time.GetUtcNow();
        var expiry = profile.ExpiryDays is { } days ? TimeSpan.FromDays(days) : _options.InterviewExpiry;
        return new InterviewRecord { Language = GetPlan(profile).Language.Tag, StartedAt = now, LastActivityAt = now, ExpiresAt = now + expiry };
    }

    /// <summary>Sends the welcome and the consent question.</summary>
    public async ValueTask<TurnOutcome> StartAsync(Profile profile, Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(interview);
        var plan = GetPlan(profile);
        var now = _time.GetUtcNow();
        var run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), interview.Position, interview.Record, null, null, now, cancellationToken);
        var transcript = new TranscriptWriter(interview.Id, interview.Record.NextTranscriptSequence, now);
        transcript.Bot(run.Replies, run.Position.Phase);
        DialogsLog.InterviewStarted(_logger, interview.Id, profile.Id);
        return Finish(run.Position, run.Record with { LastActivityAt = now }, run.Replies, transcript, TurnDisposition.Processed);
    }

    /// <summary>Handles one candidate message.</summary>
    public async ValueTask<TurnOutcome> ContinueAsync(Profile profile, Interview interview, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        var (position, record) = (interview.Position, interview.Record);
        var now = _time.GetUtcNow();

        if (message.MessageId is { Length: > 0 } messageId && record.RecentMessageIds.Contains(messageId, StringComparer.Ordinal))
        {
            DialogsLog.DuplicateMessage(_logger, interview.Id, messageId);
            return new TurnOutcome(position, record, [], [], TurnDisposition.Duplicate);
        }

        var plan = GetPlan(profile);
        var texts = plan.TextsAt(position.ItemIndex);
        if (record.IsEnded && position.SelfIdentification is { } question)
        {
            // Answered apart from the screen: no transcript line, and only the next open question is kept in the position.
            var (answer, next, answerReplies) = Compliance.SelfIdentificationQuestions.Take(question, message, plan.Language.Texts, plan.Language);
            var kept = Remember(record, message.MessageId) with { LastActivityAt = now };
            return new TurnOutcome(position with { SelfIdentification = next }, kept, answerReplies, [], TurnDisposition.Processed) { SelfIdentified = answer };
        }

        if (record.IsEnded)
        {
            return new TurnOutcome(position, record, [new Reply { Text = AlreadyEndedText(plan.Language.Texts, record.Status), Kind = ReplyKind.Closing }], [], TurnDisposition.AlreadyEnded);
        }

        var text = message.EffectiveText;
        if (text.Length > _options.MaxAnswerCharacters)
        {
            return new TurnOutcome(position, record, [Reply.Message(texts.TooLong(text.Length, _options.MaxAnswerCharacters))], [], TurnDisposition.Rejected);
        }

        DialogsLog.CandidateText(_logger, interview.Id, text);
        record = Remember(record, message.MessageId) with { LastActivityAt = now };
        var transcript = new TranscriptWriter(interview.Id, record.NextTranscriptSequence, now);
        var language = plan.LanguageAt(position.ItemIndex);
        var replies = new List<Reply>();

        if (now >= record.ExpiresAt)
        {
            transcript.Candidate(PromptText.Normalize(text), position.Phase, position.Pending?.Prompt.QuestionId, null);
            replies.Add(new Reply { Text = plan.Language.Texts.Expired, Kind = ReplyKind.Closing });
            return End(interview, position, record, InterviewStatus.Expired, now, replies, transcript);
        }

        if (!string.Equals(position.PlanVersion, plan.Version, StringComparison.Ordinal))
        {
            DialogsLog.ProfileChanged(_logger, interview.Id, profile.Id, position.PlanVersion, plan.Version);
            transcript.Candidate(PromptText.Normalize(text), position.Phase, position.Pending?.Prompt.QuestionId, null);
            replies.Add(new Reply { Text = CandidateLanguages.Resolve(record.Language).Texts.ProfileChanged, Kind = ReplyKind.Closing });
            return End(interview, position, record, InterviewStatus.Invalidated, now, replies, transcript);
        }

        if (position.Confirmation is ConfirmationKind.Withdraw)
        {
            transcript.Candidate(PromptText.Normalize(text), position.Phase, null, null);
            var confirmed = YesNoPrompt.Recognize(ChoicePrompt.ValueAt(text, texts.WithdrawChoices) ?? text, language);
            if (!confirmed.Succeeded)
            {
                replies.Add(WithdrawPrompt(texts, ReplyKind.Retry));
            }
            else if (confirmed.Value)
            {
                replies.Add(new Reply { Text = texts.Withdrawn, Kind = ReplyKind.Closing });
                return End(interview, position with { Confirmation = null }, record, InterviewStatus.Withdrawn, now, replies, transcript);
            }
            else
            {
                position = position with { Confirmation = null };
                replies.Add(Reply.Message(texts.WithdrawCancelled));
                AddPending(texts, replies, position);
            }

            transcript.Bot(replies, position.Phase);
            return Finish(position, record, replies, transcript, TurnDisposition.Processed);
        }

        // The current language's command words (with English), and the interview's during a language assessment held in another.
        var command = CandidateCommands.TryParse(text, language) ?? CandidateCommands.TryParse(text, plan.Language);
        if (command is CandidateCommand.Human)
        {
            // A person instead of the automated screen (issue 18): it ends here, nothing is scored, and the hiring channel is
            // told (ScreeningNotice), whether or not the candidate had consented yet.
            DialogsLog.CandidateCommand(_logger, interview.Id, nameof(CandidateCommand.Human));
            transcript.Candidate(PromptText.Normalize(text), position.Phase, null, null);
            replies.Add(new Reply { Text = texts.OptedOut, Kind = ReplyKind.Closing });
            return End(interview, position, record, InterviewStatus.OptedOut, now, replies, transcript);
        }

        if (command is not null || record.Status == InterviewStatus.Paused)
        {
            transcript.Candidate(PromptText.Normalize(text), position.Phase, null, null);
            (position, record) = HandleCommand(interview.Id, texts, command, position, record, now, replies);
            transcript.Bot(replies, position.Phase);
            return Finish(position, record, replies, transcript, TurnDisposition.Processed);
        }

        WaterfallRun run;
        if (position.Pending is not { } pending)
        {
            // Started but the welcome never went out (e.g. delivery failed): start from the saved position.
            transcript.Candidate(PromptText.Normalize(text), position.Phase, null, null);
            run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), position, record, null, null, now, cancellationToken);
        }
        else if (Crossed(message, pending) is { } reason)
        {
            // Written before this question reached the candidate (it crossed the answer that led to it): the answer to an
            // earlier question, which was answered already. Kept in the transcript, never taken as the answer to this one.
            transcript.Candidate(PromptText.Normalize(text), position.Phase, null, null);
            DialogsLog.AnswerCrossed(_logger, interview.Id, pending.Prompt.QuestionId, reason);
            replies.Add(Reply.Message(texts.AnswerCrossed));
            replies.Add(RepeatReply(texts, position));
            transcript.Bot(replies, position.Phase);
            return Finish(position, record, replies, transcript, TurnDisposition.Processed);
        }
        else
        {
            var recognized = PromptRecognizer.Recognize(pending.Prompt, message, DateOnly.FromDateTime(now.UtcDateTime), language);
            var sentAt = SentAt(message, pending, now);
            var latency = sentAt - pending.AskedAt - (record.PausedTotal - pending.PausedTotalAtAsk);
            transcript.Candidate(PromptText.Normalize(text), position.Phase, pending.Prompt.QuestionId, latency < TimeSpan.Zero ? TimeSpan.Zero : latency, pending.AskedAt, sentAt);
            if (!recognized.Succeeded)
            {
                position = position with { AttemptCount = position.AttemptCount + 1 };
                DialogsLog.AnswerNotRecognized(_logger, interview.Id, pending.Prompt.QuestionId, position.AttemptCount);
                var retry = position.Phase == Phase.Knockouts && TextPrompt.IsSkip(text, language) ? texts.KnockoutNotSkippable : pending.Prompt.RetryText ?? recognized.Error!;
                replies.Add(new Reply { Text = retry, Kind = ReplyKind.Retry });
                if (pending.Prompt.Choices.Count > 0)
                {
                    replies.Add(WaterfallEngine.ToReply(pending.Prompt, ReplyKind.Retry));
                }

                transcript.Bot(replies, position.Phase);
                return Finish(position, record, replies, transcript, TurnDisposition.Processed);
            }

            if (position.Phase != Phase.Consent)
            {
                // The interview's own clock (InterviewClock): what this answer took, pauses out, capped; consent is not counted.
                record = record with { TimeUsed = record.TimeUsed + InterviewClock.Counted(latency, _options) };
            }

            run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), position, record, recognized.Value! with { TimeToAnswer = sentAt - pending.AskedAt }, latency, now, cancellationToken);
        }

        if (run.Position.Pending is { } asked && ChannelSentAt(message) is { } channelSentAt)
        {
            run = run with { Position = run.Position with { Pending = asked with { PrecedingMessageSentAt = channelSentAt } } };
        }

        transcript.Bot(run.Replies, run.Position.Phase);
        var (endPosition, endReplies) = OfferSelfIdentification(run.Position, run.Record, run.Replies, plan.Language.Texts);
        var outcome = Finish(endPosition, run.Record, endReplies, transcript, TurnDisposition.Processed);
        DialogsLog.TurnProcessed(_logger, interview.Id, run.Position.Phase, run.Position.ItemIndex, run.Position.StepIndex, run.Replies.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (run.Record.IsEnded)
        {
            DialogsLog.InterviewEnded(_logger, interview.Id, run.Record.Status, run.Position.Phase);
            return outcome with { EndedThisTurn = true };
        }

        return outcome;
    }

    /// <summary>The reply that shows the pending question again, or a gentle nudge in <paramref name="texts"/>' language when none is pending.</summary>
    public static Reply RepeatReply(CandidateTexts texts, PlanPosition position)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(position);
        return position.Pending is { } pending
            ? WaterfallEngine.ToReply(pending.Prompt, ReplyKind.Prompt)
            : Reply.Message(texts.NoOpenQuestion);
    }

    /// <summary>
    /// Why <paramref name="message"/> cannot be an answer to <paramref name="pending"/>, or null when it can: it reached the bot
    /// before the question was asked (two messages sent at once, taken one after the other), or the channel stamped it no
    /// later than the message the question followed. Both compare times of one clock only.
    /// </summary>
    private static string? Crossed(IncomingMessage message, PendingPrompt pending) =>
        message.ReceivedAt is { } received && received < pending.AskedAt ? "received before the question was asked"
        : ChannelSentAt(message) is { } sent && pending.PrecedingMessageSentAt is { } preceding && sent <= preceding ? "sent no later than the message the question followed"
        : null;

    /// <summary>The channel's send time of <paramref name="message"/>, unless it is implausibly far from when the bot received it.</summary>
    private static DateTimeOffset? ChannelSentAt(IncomingMessage message) =>
        message.SentAt is { } sent && (message.ReceivedAt is not { } received || (received - sent).Duration() <= MaxChannelClockSkew) ? sent : null;

    /// <summary>
    /// When the answer was sent: the channel's timestamp, kept between the question being sent and the message arriving
    /// (a client clock cannot claim more time than passed), or the time it arrived when the channel gave none.
    /// </summary>
    private static DateTimeOffset SentAt(IncomingMessage message, PendingPrompt pending, DateTimeOffset now) =>
        message.SentAt is { } sent && now >= pending.AskedAt
            ? sent < pending.AskedAt ? pending.AskedAt : sent > now ? now : sent
            : now;

    private static string AlreadyEndedText(CandidateTexts texts, InterviewStatus status) => status switch
    {
        InterviewStatus.Expired => texts.Expired,
        InterviewStatus.Invalidated => texts.ProfileChanged,
        InterviewStatus.OptedOut => texts.OptedOut,
        _ => texts.AlreadyEnded,
    };

    private static TurnSubject Subject(Interview interview) => new(interview.Id, interview.Candidate.Name);

    private static Reply WithdrawPrompt(CandidateTexts texts, ReplyKind kind) =>
        new() { Text = texts.WithdrawQuestion, Choices = texts.WithdrawChoices, Kind = kind };

    private static void AddPending(CandidateTexts texts, List<Reply> replies, PlanPosition position)
    {
        if (position.Pending is not null)
        {
            replies.Add(RepeatReply(texts, position));
        }
    }

    private (PlanPosition Position, InterviewRecord Record) HandleCommand(
        string interviewId, CandidateTexts texts, CandidateCommand? command, PlanPosition position, InterviewRecord record, DateTimeOffset now, List<Reply> replies)
    {
        DialogsLog.CandidateCommand(_logger, interviewId, command?.ToString() ?? "resume (message while paused)");
        switch (command)
        {
            case CandidateCommand.Help:
                replies.Add(Reply.Message(texts.Help(record.ExpiresAt, now)));
                AddPending(texts, replies, position);
                return (position, record);
            case CandidateCommand.Repeat:
                replies.Add(RepeatReply(texts, position));
                return (position, record);
            case CandidateCommand.Pause:
                replies.Add(Reply.Message(texts.Paused(record.ExpiresAt, now)));
                return (position, record.Status == InterviewStatus.Paused ? record : record with { Status = InterviewStatus.Paused, PausedAt = now });
            case CandidateCommand.Withdraw:
                replies.Add(WithdrawPrompt(texts, ReplyKind.Prompt));
                return (position with { Confirmation = ConfirmationKind.Withdraw }, record);
            default:
                // resume, or any other message while paused: resume and show the question again rather than
                // taking the message as an answer to a question the candidate may no longer have in view.
                if (record.Status != InterviewStatus.Paused)
                {
                    replies.Add(Reply.Message(texts.NotPaused));
                    AddPending(texts, replies, position);
                    return (position, record);
                }

                var resumed = record with
                {
                    Status = position.Phase == Phase.Consent ? InterviewStatus.NotStarted : InterviewStatus.InProgress,
                    PausedTotal = record.PausedTotal + (now - (record.PausedAt ?? now)),
                    PausedAt = null,
                };
                replies.Add(Reply.Message(texts.Resumed));
                AddPending(texts, replies, position);
                return (position, resumed);
        }
    }

    private TurnOutcome End(Interview interview, PlanPosition position, InterviewRecord record, InterviewStatus status, DateTimeOffset now, List<Reply> replies, TranscriptWriter transcript)
    {
        var ended = record with
        {
            Status = status,
            EndedAt = now,
            PausedTotal = record.PausedAt is { } pausedAt ? record.PausedTotal + (now - pausedAt) : record.PausedTotal,
            PausedAt = null,
        };
        position = position with { Pending = null, Confirmation = null };
        transcript.Bot(replies, position.Phase);
        DialogsLog.InterviewEnded(_logger, interview.Id, status, position.Phase);
        return Finish(position, ended, replies, transcript, TurnDisposition.Processed) with { EndedThisTurn = true };
    }

    /// <summary>
    /// After a screen that was scored (completed, or a knockout), the optional self-identification when the employer turned it
    /// on (<see cref="InterviewOptions.SelfIdentification"/>): the closing stops closing the input, and the first question follows.
    /// Kept out of the transcript: it is no part of the screen.
    /// </summary>
    private (PlanPosition Position, IReadOnlyList<Reply> Replies) OfferSelfIdentification(PlanPosition position, InterviewRecord record, IReadOnlyList<Reply> replies, CandidateTexts texts)
    {
        if (!_options.SelfIdentification || record.Status is not (InterviewStatus.Completed or InterviewStatus.KnockedOut))
        {
            return (position, replies);
        }

        return (
            position with { SelfIdentification = Compliance.SelfIdentificationStep.Sex },
            [.. replies.Select(r => r.Kind == ReplyKind.Closing ? r with { Kind = ReplyKind.Message } : r), .. Compliance.SelfIdentificationQuestions.Offer(texts)]);
    }

    private static TurnOutcome Finish(PlanPosition position, InterviewRecord record, IReadOnlyList<Reply> replies, TranscriptWriter transcript, TurnDisposition disposition)
    {
        // The last reply of a screen that ended is its closing (a knockout, a declined consent), whichever step said it:
        // channels close the input on it (Bot Framework's inputHint "ignoringInput").
        if (record.IsEnded && position.SelfIdentification is null && replies is [.., { Kind: not ReplyKind.Closing } last])
        {
            replies = [.. replies.Take(replies.Count - 1), last with { Kind = ReplyKind.Closing }];
        }

        return new(position, record with { NextTranscriptSequence = transcript.NextSequence }, replies, transcript.Turns, disposition);
    }

    private InterviewRecord Remember(InterviewRecord record, string? messageId)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return record;
        }

        var recent = record.RecentMessageIds.Count >= _options.RecentMessageIdCount
            ? record.RecentMessageIds.Skip(record.RecentMessageIds.Count - _options.RecentMessageIdCount + 1)
            : record.RecentMessageIds;
        return record with { RecentMessageIds = [.. recent, messageId] };
    }

    private InterviewPlan GetPlan(Profile profile) =>
        _plans.GetOrAdd((profile.Id, profile.ContentHash), static (_, arg) => InterviewPlan.Build(arg.profile, arg.kit), (profile, kit: _kit));
}
