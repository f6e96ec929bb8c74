using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Turns;

/// <summary>
/// Runs one turn from any channel (the Agents SDK's adapter pipeline and agent in one): drops redeliveries, routes the turn
/// (a 1:1 message to the candidate's interview, or to the command service for a recruiter without one; a command to the
/// command service; a bot-added event to the welcome), applies <see cref="TurnRules"/>, shows "typing…" on slow interview
/// turns, and answers through the turn's <see cref="ITurnReplies"/>. Never throws but for cancellation: failures become a
/// <see cref="TurnResult"/>. Thread-safe; <see cref="TurnQueue"/> keeps turns of one conversation in order.
/// </summary>
/// <remarks>
/// <para>Deduplication: a turn with a <see cref="Turn.DeliveryId"/> is skipped when the processed-message ledger has it, and
/// recorded after the turn. Recording after, not before, leaves a window in which two copies delivered to two instances at
/// once both run; interview answers stay exactly-once even then, because the interview keeps the ids of the messages it
/// took and is saved with If-Match. That is why a message with an id that reaches an interview skips the ledger (its read
/// and its write): the interview's own save, the one write of the turn, is its record.</para>
/// <para>Storage down (<see cref="StorageUnavailableException"/>): nothing was saved and the delivery is not recorded, so a
/// retry runs. Whoever wrote something gets <see cref="TurnText.StorageDown"/> (<see cref="TurnResult.Apologized"/>) and
/// sends it again; where replies are buffered, or the apology fails too, the channel is told
/// <see cref="TurnResult.NotProcessed"/> and asks its sender to retry (HTTP 503). Any other failure is recorded as processed,
/// since the turn may have had effects a retry would repeat.</para>
/// </remarks>
internal sealed class TurnHost(
    InterviewService interviews,
    RecruiterCommandService commands,
    IProcessedMessageLedger ledger,
    IEnumerable<IRecruiterRule> recruiterRules,
    IOptions<TurnOptions> options,
    IOptions<ScreeningOptions> recruiters,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<TurnHost> logger)
{
    private readonly IRecruiterRule[] _rules = [.. recruiterRules];

    /// <summary>Runs <paramref name="turn"/> and answers through <paramref name="replies"/>; throws only when <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <remarks>
    /// Each turn is one <see cref="ScreeningBotTelemetry.TurnSpan"/> span (channel, kind, the interview's phase, outcome) and
    /// one sample of the turn metrics (<see cref="BotMetrics"/>); neither carries what anyone wrote.
    /// </remarks>
    public async Task<TurnResult> RunAsync(Turn turn, ITurnReplies replies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(replies);
        var conversation = turn.Conversation;
        using var span = ScreeningBotTelemetry.Source.StartActivity(ScreeningBotTelemetry.TurnSpan, ActivityKind.Internal);
        span?.SetTag(ScreeningBotTelemetry.Tags.Channel, conversation.ChannelId);
        span?.SetTag(ScreeningBotTelemetry.Tags.TurnKind, BotMetrics.Name(turn.Kind));
        var started = Stopwatch.GetTimestamp();
        TurnResult? result = null; // stays null when the host's shutdown cancels the turn
        try
        {
            result = await RunLoggedAsync(turn, replies, cancellationToken);
            return result.Value;
        }
        finally
        {
            span?.SetTag(ScreeningBotTelemetry.Tags.Outcome, BotMetrics.Name(result));
            if (result is TurnResult.Failed or TurnResult.NotProcessed)
            {
                span?.SetStatus(ActivityStatusCode.Error);
            }

            metrics.TurnEnded(turn.Kind, conversation.ChannelId, result, Stopwatch.GetElapsedTime(started));
        }
    }

    private async Task<TurnResult> RunLoggedAsync(Turn turn, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        // The scope's state is built only when some logger is on at all (one small object; see TurnLogScope).
        using var scope = logger.IsEnabled(LogLevel.Critical) ? logger.BeginScope(new TurnLogScope(conversation.ChannelId, conversation.ConversationId, turn.DeliveryId)) : null;
        TurnLog.TurnStarted(logger, turn.Kind, conversation.ChannelId, conversation.ConversationId, turn.DeliveryId);
        var started = time.GetTimestamp();
        var key = LedgerKey(turn);
        var ledgerChecked = false;
        try
        {
            if (turn.Kind == TurnKind.Message && turn.Message.MessageId is { Length: > 0 })
            {
                // The interview deduplicates what it takes; the ledger is asked only if none takes it.
                var handled = await RunMessageAsync(turn, key, replies, cancellationToken);
                if (handled == MessageHandling.Duplicate)
                {
                    TurnLog.Duplicate(logger, turn.DeliveryId, conversation.ChannelId, conversation.ConversationId);
                    metrics.Duplicate(conversation.ChannelId);
                    return TurnResult.Duplicate;
                }

                ledgerChecked = handled == MessageHandling.NoInterview;
            }
            else
            {
                if (key is not null && await ContainsAsync(key, cancellationToken))
                {
                    TurnLog.Duplicate(logger, turn.DeliveryId, conversation.ChannelId, conversation.ConversationId);
                    metrics.Duplicate(conversation.ChannelId);
                    return TurnResult.Duplicate;
                }

                ledgerChecked = true;
                await DispatchAsync(turn, replies, cancellationToken);
            }
        }
        catch (StorageUnavailableException e)
        {
            var result = await ApologizeAsync(turn, replies, e, cancellationToken);
            metrics.StorageDown(conversation.ChannelId, result);
            return result;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping: not a failure, and not recorded, so a redelivery runs.
            throw;
        }
#pragma warning disable CA1031 // A turn must not take the queue down with it; the failure is logged with its exception.
        catch (Exception e)
#pragma warning restore CA1031
        {
            TurnLog.TurnFailed(logger, turn.Kind, conversation.ChannelId, conversation.ConversationId, e);
            await RecordAsync(turn, key, cancellationToken);
            return TurnResult.Failed;
        }

        if (ledgerChecked)
        {
            await RecordAsync(turn, key, cancellationToken);
        }

        TurnLog.TurnCompleted(logger, turn.Kind, conversation.ChannelId, conversation.ConversationId, (long)time.GetElapsedTime(started).TotalMilliseconds);
        return TurnResult.Completed;
    }

    private Task DispatchAsync(Turn turn, ITurnReplies replies, CancellationToken cancellationToken) => turn.Kind switch
    {
        TurnKind.Message => RunMessageAsync(turn, null, replies, cancellationToken),
        TurnKind.Command => RunCommandAsync(turn, turn.Command ?? RecruiterCommandParser.Parse(turn.Message.Text, turn.Mentions), replies, cancellationToken),
        TurnKind.BotAdded => WelcomeAsync(turn, replies, cancellationToken),
        _ => throw new ArgumentOutOfRangeException(nameof(turn), turn.Kind, "Unknown turn kind."),
    };

    /// <summary>
    /// A message to the conversation's interview or, with none, to the recruiter commands (or the no-screen answer). With a
    /// <paramref name="ledgerKey"/>, a message no interview takes is first looked up in the ledger.
    /// </summary>
    private async Task<MessageHandling> RunMessageAsync(Turn turn, string? ledgerKey, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        TurnLog.MessageText(logger, conversation.ConversationId, turn.Message.EffectiveText);
        InterviewTurnResult result;
        await using (TypingIndicator.Start(replies, time, conversation.ConversationId, logger, cancellationToken))
        {
            result = await interviews.HandleMessageAsync(conversation.Key, turn.Message, interview => TurnRules.Check(turn, interview) is null, cancellationToken);
        }

        TurnLog.InterviewTurn(logger, conversation.ConversationId, result.Status, result.Replies.Count, result.Interview?.Id);
        if (result.Interview is { } interview)
        {
            CurrentTurnSpan()?.SetTag(ScreeningBotTelemetry.Tags.Phase, BotMetrics.Name(interview.Position.Phase));
        }

        switch (result.Status)
        {
            case InterviewTurnStatus.NoInterview when ledgerKey is not null && await ContainsAsync(ledgerKey, cancellationToken):
                return MessageHandling.Duplicate;
            case InterviewTurnStatus.NoInterview when IsConfiguredRecruiter(turn.From):
                await RunCommandAsync(turn, turn.Command ?? RecruiterCommandParser.Parse(turn.Message.Text, turn.Mentions), replies, cancellationToken);
                return MessageHandling.NoInterview;
            case InterviewTurnStatus.NoInterview:
                await replies.SendAsync([Reply.Message(TurnText.NoScreen)], cancellationToken);
                return MessageHandling.NoInterview;
            case InterviewTurnStatus.Duplicate:
                return MessageHandling.Duplicate;
            case InterviewTurnStatus.Refused:
                var refusal = TurnRules.Check(turn, result.Interview!) ?? TurnRefusal.NotTheCandidate;
                TurnLog.Refused(logger, turn.From.Id, conversation.ChannelId, conversation.ConversationId, refusal);
                await replies.SendNoticeAsync(refusal == TurnRefusal.StaleClick ? TurnText.StaleClick : TurnText.NotTheCandidate, cancellationToken);
                return MessageHandling.Interview;
            case InterviewTurnStatus.Processed when turn.Message.ActionValue is not null:
                await replies.MarkAnsweredAsync(cancellationToken);
                break;
        }

        await replies.SendAsync(result.Replies, cancellationToken);
        return MessageHandling.Interview;
    }

    private async Task RunCommandAsync(Turn turn, RecruiterCommand command, ITurnReplies replies, CancellationToken cancellationToken)
    {
        if (turn.Kind == TurnKind.Command)
        {
            TurnLog.MessageText(logger, turn.Conversation.ConversationId, turn.Message.Text);
        }

        // Help and usage need no right to recruit, so they never wait on a channel's lookup (a Slack user group).
        var vouched = command is not (HelpCommand or InvalidCommand) && await VouchedForAsync(turn, cancellationToken);
        var context = new CommandContext(turn.Conversation.ChannelId, turn.From, turn.Conversation, turn.CommandPrefix, vouched);
        var response = await commands.ExecuteAsync(command, context, cancellationToken);
        await replies.SendAsync(response, cancellationToken);
        if (response.Continuations.Count > 0)
        {
            await replies.SendAsync([.. response.Continuations.Select(Reply.Message)], cancellationToken);
        }
    }

    private async Task WelcomeAsync(Turn turn, ITurnReplies replies, CancellationToken cancellationToken)
    {
        var text = turn.IsPersonal ? TurnText.PersonalWelcome : TurnText.TeamWelcome(turn.CommandPrefix);
        await replies.SendAsync([Reply.Message(text)], cancellationToken);
        TurnLog.Welcomed(logger, turn.IsPersonal ? "personal" : "team", turn.Conversation.ConversationId, turn.Conversation.ChannelId);
    }

    private async Task<TurnResult> ApologizeAsync(Turn turn, ITurnReplies replies, StorageUnavailableException exception, CancellationToken cancellationToken)
    {
        var conversation = turn.Conversation;
        if (turn.Kind != TurnKind.BotAdded && !replies.Buffered)
        {
            try
            {
                if (turn.Kind == TurnKind.Command)
                {
                    await replies.SendAsync(CommandResponse.Refused(TurnText.StorageDown), cancellationToken);
                }
                else
                {
                    await replies.SendAsync([Reply.Message(TurnText.StorageDown)], cancellationToken);
                }

                TurnLog.StorageUnavailableApologized(logger, conversation.ChannelId, conversation.ConversationId, exception);
                return TurnResult.Apologized;
            }
#pragma warning disable CA1031 // Best effort: the storage failure is logged next, and the channel asks for a retry.
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                TurnLog.TurnFailed(logger, turn.Kind, conversation.ChannelId, conversation.ConversationId, e);
            }
        }

        TurnLog.StorageUnavailable(logger, conversation.ChannelId, conversation.ConversationId, exception);
        return TurnResult.NotProcessed;
    }

    private async ValueTask<bool> VouchedForAsync(Turn turn, CancellationToken cancellationToken)
    {
        if (turn.TeamId is { } team && recruiters.Value.RecruiterTeams.Contains(team, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        foreach (var rule in _rules)
        {
            if (await rule.VouchesForAsync(turn, cancellationToken))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsConfiguredRecruiter(Participant sender) =>
        recruiters.Value.Recruiters.Any(r =>
            string.Equals(r, sender.Id, StringComparison.OrdinalIgnoreCase) || string.Equals(r, sender.AadObjectId, StringComparison.OrdinalIgnoreCase));

    private async Task RecordAsync(Turn turn, string? key, CancellationToken cancellationToken)
    {
        if (key is null)
        {
            return;
        }

        try
        {
            var started = Stopwatch.GetTimestamp();
            var recorded = false;
            try
            {
                await ledger.TryRecordAsync(key, options.Value.DeduplicationWindow, cancellationToken);
                recorded = true;
            }
            finally
            {
                metrics.StorageCall("ledger.record", started, recorded);
            }
        }
        catch (StorageUnavailableException e)
        {
            TurnLog.LedgerRecordFailed(logger, turn.DeliveryId, e);
        }
    }

    /// <summary>This turn's span, if it is recorded (with nobody listening, the current activity is the HTTP request's, not ours).</summary>
    private static Activity? CurrentTurnSpan() => Activity.Current is { } current && current.Source == ScreeningBotTelemetry.Source ? current : null;

    private async Task<bool> ContainsAsync(string key, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var answered = false;
        try
        {
            var seen = await ledger.ContainsAsync(key, cancellationToken);
            answered = true;
            return seen;
        }
        finally
        {
            metrics.StorageCall("ledger.contains", started, answered);
        }
    }

    /// <summary>The one ledger key of a delivery, whatever its channel: hashed, so ids of any length or character set fit every ledger backend.</summary>
    private static string? LedgerKey(Turn turn)
    {
        if (turn.DeliveryId is not { Length: > 0 } id)
        {
            return null;
        }

        var c = turn.Conversation;
        return "turn:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{c.ChannelId}\n{c.ConversationId}\n{c.ThreadId}\n{id}")));
    }

    /// <summary>Where a message went: to an interview (which deduplicates it), to no interview (the ledger's business), or nowhere (a duplicate).</summary>
    private enum MessageHandling
    {
        Interview,
        NoInterview,
        Duplicate,
    }
}
