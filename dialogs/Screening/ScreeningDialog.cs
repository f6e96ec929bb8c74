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
/// (redeliveries, expiry, a changed profile, the candidate commands help/repeat/pause/resume/withdraw,
/// answers that are not understood) and hands recognised answers to the waterfall engine. Keeps nothing
/// about an interview between calls; thread-safe.
/// </summary>
public sealed class ScreeningDialog
{
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

    /// <summary>The dialog version an interview on <paramref name="profile"/> records (see <see cref="DialogState.DialogVersion"/>).</summary>
    public string GetDialogVersion(Profile profile) => GetPlan(profile).Version;

    /// <summary>Questions that are judged in an interview on <paramref name="profile"/> (for coverage).</summary>
    public int GetJudgedQuestionCount(Profile profile) => GetPlan(profile).JudgedQuestionCount;

    /// <summary>The state of a new interview, before the welcome is sent.</summary>
    public DialogState CreateState(Profile profile)
    {
        var now = _time.GetUtcNow();
        var plan = GetPlan(profile);
        return new DialogState
        {
            DialogVersion = plan.Version,
            Language = plan.Language.Tag,
            StartedAt = now,
            LastActivityAt = now,
            ExpiresAt = now + (profile.ExpiryDays is { } days ? TimeSpan.FromDays(days) : _options.InterviewExpiry),
        };
    }

    /// <summary>Sends the welcome and the consent question.</summary>
    public async ValueTask<TurnOutcome> StartAsync(Profile profile, Interview interview, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(interview);
        var plan = GetPlan(profile);
        var now = _time.GetUtcNow();
        var run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), interview.State, null, null, now, cancellationToken);
        var transcript = new TranscriptWriter(interview.Id, interview.State.NextTranscriptSequence, now);
        transcript.Bot(run.Replies, run.State.Phase);
        DialogsLog.InterviewStarted(_logger, interview.Id, profile.Id);
        return Finish(run.State with { LastActivityAt = now }, run.Replies, transcript, TurnDisposition.Processed);
    }

    /// <summary>Handles one candidate message.</summary>
    public async ValueTask<TurnOutcome> ContinueAsync(Profile profile, Interview interview, IncomingMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(message);
        var started = Stopwatch.GetTimestamp();
        var state = interview.State;
        var now = _time.GetUtcNow();

        if (message.MessageId is { Length: > 0 } messageId && state.RecentMessageIds.Contains(messageId, StringComparer.Ordinal))
        {
            DialogsLog.DuplicateMessage(_logger, interview.Id, messageId);
            return new TurnOutcome(state, [], [], TurnDisposition.Duplicate);
        }

        var plan = GetPlan(profile);
        var texts = plan.LanguageAt(state.ItemIndex).Texts;
        if (state.IsEnded)
        {
            return new TurnOutcome(state, [new Reply { Text = AlreadyEndedText(plan.Language.Texts, state.Status), Kind = ReplyKind.Closing }], [], TurnDisposition.AlreadyEnded);
        }

        var text = message.EffectiveText;
        if (text.Length > _options.MaxAnswerCharacters)
        {
            return new TurnOutcome(state, [Reply.Message(texts.TooLong(text.Length, _options.MaxAnswerCharacters))], [], TurnDisposition.Rejected);
        }

        DialogsLog.CandidateText(_logger, interview.Id, text);
        state = Remember(state, message.MessageId) with { LastActivityAt = now };
        var transcript = new TranscriptWriter(interview.Id, state.NextTranscriptSequence, now);
        var language = plan.LanguageAt(state.ItemIndex);
        var replies = new List<Reply>();

        if (now >= state.ExpiresAt)
        {
            transcript.Candidate(PromptText.Normalize(text), state.Phase, state.Pending?.Prompt.QuestionId, null);
            replies.Add(new Reply { Text = plan.Language.Texts.Expired, Kind = ReplyKind.Closing });
            return End(interview, state, InterviewStatus.Expired, now, replies, transcript);
        }

        if (!string.Equals(state.DialogVersion, plan.Version, StringComparison.Ordinal))
        {
            DialogsLog.ProfileChanged(_logger, interview.Id, profile.Id, state.DialogVersion, plan.Version);
            transcript.Candidate(PromptText.Normalize(text), state.Phase, state.Pending?.Prompt.QuestionId, null);
            replies.Add(new Reply { Text = CandidateLanguages.Resolve(state.Language).Texts.ProfileChanged, Kind = ReplyKind.Closing });
            return End(interview, state, InterviewStatus.Invalidated, now, replies, transcript);
        }

        if (state.Confirmation is ConfirmationKind.Withdraw)
        {
            transcript.Candidate(PromptText.Normalize(text), state.Phase, null, null);
            var confirmed = YesNoPrompt.Recognize(ChoicePrompt.ValueAt(text, texts.WithdrawChoices) ?? text, language);
            if (!confirmed.Succeeded)
            {
                replies.Add(WithdrawPrompt(texts, ReplyKind.Retry));
            }
            else if (confirmed.Value)
            {
                replies.Add(new Reply { Text = texts.Withdrawn, Kind = ReplyKind.Closing });
                return End(interview, state with { Confirmation = null }, InterviewStatus.Withdrawn, now, replies, transcript);
            }
            else
            {
                state = state with { Confirmation = null };
                replies.Add(Reply.Message(texts.WithdrawCancelled));
                AddPending(texts, replies, state);
            }

            transcript.Bot(replies, state.Phase);
            return Finish(state, replies, transcript, TurnDisposition.Processed);
        }

        // The current language's command words (with English), and the interview's during a language assessment held in another.
        var command = CandidateCommands.TryParse(text, language) ?? CandidateCommands.TryParse(text, plan.Language);
        if (command is not null || state.Status == InterviewStatus.Paused)
        {
            transcript.Candidate(PromptText.Normalize(text), state.Phase, null, null);
            state = HandleCommand(interview.Id, texts, command, state, now, replies);
            transcript.Bot(replies, state.Phase);
            return Finish(state, replies, transcript, TurnDisposition.Processed);
        }

        WaterfallRun run;
        if (state.Pending is not { } pending)
        {
            // Started but the welcome never went out (e.g. delivery failed): start from the saved position.
            transcript.Candidate(PromptText.Normalize(text), state.Phase, null, null);
            run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), state, null, null, now, cancellationToken);
        }
        else
        {
            var recognized = PromptRecognizer.Recognize(pending.Prompt, message, DateOnly.FromDateTime(now.UtcDateTime), language);
            var sentAt = SentAt(message, pending, now);
            var latency = sentAt - pending.AskedAt - (state.PausedTotal - pending.PausedTotalAtAsk);
            transcript.Candidate(PromptText.Normalize(text), state.Phase, pending.Prompt.QuestionId, latency < TimeSpan.Zero ? TimeSpan.Zero : latency, pending.AskedAt, sentAt);
            if (!recognized.Succeeded)
            {
                state = state with { AttemptCount = state.AttemptCount + 1 };
                DialogsLog.AnswerNotRecognized(_logger, interview.Id, pending.Prompt.QuestionId, state.AttemptCount);
                var retry = state.Phase == Phase.Knockouts && TextPrompt.IsSkip(text, language) ? texts.KnockoutNotSkippable : pending.Prompt.RetryText ?? recognized.Error!;
                replies.Add(new Reply { Text = retry, Kind = ReplyKind.Retry });
                if (pending.Prompt.Choices.Count > 0)
                {
                    replies.Add(WaterfallEngine.ToReply(pending.Prompt, ReplyKind.Retry));
                }

                transcript.Bot(replies, state.Phase);
                return Finish(state, replies, transcript, TurnDisposition.Processed);
            }

            run = await WaterfallEngine.RunAsync(plan.Items, Subject(interview), state, recognized.Value! with { TimeToAnswer = sentAt - pending.AskedAt }, latency, now, cancellationToken);
        }

        transcript.Bot(run.Replies, run.State.Phase);
        var outcome = Finish(run.State, run.Replies, transcript, TurnDisposition.Processed);
        DialogsLog.TurnProcessed(_logger, interview.Id, run.State.Phase, run.State.ItemIndex, run.State.StepIndex, run.Replies.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (run.State.IsEnded)
        {
            DialogsLog.InterviewEnded(_logger, interview.Id, run.State.Status, run.State.Phase);
            return outcome with { EndedThisTurn = true };
        }

        return outcome;
    }

    /// <summary>The reply that shows the pending question again, or a gentle nudge in <paramref name="texts"/>' language when none is pending.</summary>
    public static Reply RepeatReply(CandidateTexts texts, DialogState state)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(state);
        return state.Pending is { } pending
            ? WaterfallEngine.ToReply(pending.Prompt, ReplyKind.Prompt)
            : Reply.Message(texts.NoOpenQuestion);
    }

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
        _ => texts.AlreadyEnded,
    };

    private static TurnSubject Subject(Interview interview) => new(interview.Id, interview.Candidate.Name);

    private static Reply WithdrawPrompt(CandidateTexts texts, ReplyKind kind) =>
        new() { Text = texts.WithdrawQuestion, Choices = texts.WithdrawChoices, Kind = kind };

    private static void AddPending(CandidateTexts texts, List<Reply> replies, DialogState state)
    {
        if (state.Pending is not null)
        {
            replies.Add(RepeatReply(texts, state));
        }
    }

    private DialogState HandleCommand(string interviewId, CandidateTexts texts, CandidateCommand? command, DialogState state, DateTimeOffset now, List<Reply> replies)
    {
        DialogsLog.CandidateCommand(_logger, interviewId, command?.ToString() ?? "resume (message while paused)");
        switch (command)
        {
            case CandidateCommand.Help:
                replies.Add(Reply.Message(texts.Help(state.ExpiresAt, now)));
                AddPending(texts, replies, state);
                return state;
            case CandidateCommand.Repeat:
                replies.Add(RepeatReply(texts, state));
                return state;
            case CandidateCommand.Pause:
                replies.Add(Reply.Message(texts.Paused(state.ExpiresAt, now)));
                return state.Status == InterviewStatus.Paused ? state : state with { Status = InterviewStatus.Paused, PausedAt = now };
            case CandidateCommand.Withdraw:
                replies.Add(WithdrawPrompt(texts, ReplyKind.Prompt));
                return state with { Confirmation = ConfirmationKind.Withdraw };
            default:
                // resume, or any other message while paused: resume and show the question again rather than
                // taking the message as an answer to a question the candidate may no longer have in view.
                if (state.Status != InterviewStatus.Paused)
                {
                    replies.Add(Reply.Message(texts.NotPaused));
                    AddPending(texts, replies, state);
                    return state;
                }

                var resumed = state with
                {
                    Status = state.Phase == Phase.Consent ? InterviewStatus.NotStarted : InterviewStatus.InProgress,
                    PausedTotal = state.PausedTotal + (now - (state.PausedAt ?? now)),
                    PausedAt = null,
                };
                replies.Add(Reply.Message(texts.Resumed));
                AddPending(texts, replies, resumed);
                return resumed;
        }
    }

    private TurnOutcome End(Interview interview, DialogState state, InterviewStatus status, DateTimeOffset now, List<Reply> replies, TranscriptWriter transcript)
    {
        var ended = state with
        {
            Status = status,
            EndedAt = now,
            Pending = null,
            Confirmation = null,
            PausedTotal = state.PausedAt is { } pausedAt ? state.PausedTotal + (now - pausedAt) : state.PausedTotal,
            PausedAt = null,
        };
        transcript.Bot(replies, ended.Phase);
        DialogsLog.InterviewEnded(_logger, interview.Id, status, ended.Phase);
        return Finish(ended, replies, transcript, TurnDisposition.Processed) with { EndedThisTurn = true };
    }

    private static TurnOutcome Finish(DialogState state, IReadOnlyList<Reply> replies, TranscriptWriter transcript, TurnDisposition disposition)
    {
        // The last reply of a screen that ended is its closing (a knockout, a declined consent), whichever step said it:
        // channels close the input on it (Bot Framework's inputHint "ignoringInput").
        if (state.IsEnded && replies is [.., { Kind: not ReplyKind.Closing } last])
        {
            replies = [.. replies.Take(replies.Count - 1), last with { Kind = ReplyKind.Closing }];
        }

        return new(state with { NextTranscriptSequence = transcript.NextSequence }, replies, transcript.Turns, disposition);
    }

    private DialogState Remember(DialogState state, string? messageId)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return state;
        }

        var recent = state.RecentMessageIds.Count >= _options.RecentMessageIdCount
            ? state.RecentMessageIds.Skip(state.RecentMessageIds.Count - _options.RecentMessageIdCount + 1)
            : state.RecentMessageIds;
        return state with { RecentMessageIds = [.. recent, messageId] };
    }

    private InterviewPlan GetPlan(Profile profile) =>
        _plans.GetOrAdd((profile.Id, profile.ContentHash), static (_, arg) => InterviewPlan.Build(arg.profile, arg.kit), (profile, kit: _kit));
}
