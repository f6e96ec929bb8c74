using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Reminders;

/// <summary>
/// Nudges candidates who have gone quiet and expires screens at their deadline, on every instance at once without doing
/// anything twice. Each pass has one owner: the instance that claims the pass's lease (<see cref="PassLease"/>,
/// <c>reminder-pass:{slot}</c>, one slot per <see cref="ReminderOptions.ScanInterval"/>); the others skip that pass. Inside it each nudge is claimed again (<c>nudge:{interview}:{n}</c>), so a pass that
/// overran into the next slot still sends a nudge once, and an expiry is the interview's own save with If-Match, which
/// only one writer wins. Quiet hours follow the candidate's time zone when a channel reported it. An expired screen is not scored: the candidate is told, the hiring conversation gets a short note, and
/// <c>status</c> shows "expired".
/// </summary>
internal sealed class ReminderWorker(
    IInterviewStore interviews,
    IProcessedMessageLedger ledger,
    ChannelRouter channels,
    IOptions<ReminderOptions> options,
    TimeProvider time,
    ILogger<ReminderWorker> logger) : BackgroundService
{
    /// <summary>Most open screens one pass looks at (newest first).</summary>
    public const int ScanLimit = 1_000;

    // A claim outlives the screen: a nudge is never sent twice, however long the screen stays open.
    private static readonly TimeSpan ClaimLifetime = TimeSpan.FromDays(120);

    /// <summary>One pass, if this instance wins its lease: nudges due now and expiries; says what this instance did.</summary>
    public async Task<ReminderPass> RunOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        if (!await PassLease.TryTakeAsync(ledger, "reminder-pass", settings.ScanInterval, now, cancellationToken))
        {
            return ReminderPass.Skipped;
        }

        var (nudged, expired) = (0, 0);
        foreach (var interview in await interviews.ListAsync(InterviewQuery.All, ScanLimit, cancellationToken))
        {
            if (interview.Record.IsEnded)
            {
                continue;
            }

            if (now >= interview.Record.ExpiresAt)
            {
                expired += await ExpireAsync(interview.Id, now, cancellationToken) ? 1 : 0;
            }
            else if (DueNudge(interview, now, settings) is { } n && !IsQuiet(now, settings, interview.Record.CandidateTimeZone)
                && await ledger.TryRecordAsync($"nudge:{interview.Id}:{n}", ClaimLifetime, cancellationToken))
            {
                await NudgeAsync(interview, cancellationToken);
                nudged++;
            }
        }

        return new ReminderPass(true, nudged, expired);
    }

    /// <summary>The number (1-based) of the nudge due for <paramref name="interview"/> at <paramref name="now"/>, or null.</summary>
    internal static int? DueNudge(Interview interview, DateTimeOffset now, ReminderOptions settings)
    {
        var idle = now - interview.Record.LastActivityAt;
        var due = settings.NudgeAfter.Take(settings.MaxNudges).Count(after => idle >= after);
        return due == 0 || interview.Status == InterviewStatus.Paused ? null : due;
    }

    /// <summary>True when <paramref name="now"/> falls in the quiet hours of the candidate's zone, else of <see cref="ReminderOptions.TimeZone"/>.</summary>
    internal static bool IsQuiet(DateTimeOffset now, ReminderOptions settings, string? candidateTimeZone)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(candidateTimeZone ?? settings.TimeZone, out var found) ? found
            : TimeZoneInfo.TryFindSystemTimeZoneById(settings.TimeZone, out var configured) ? configured
            : TimeZoneInfo.Utc;
        var hour = TimeZoneInfo.ConvertTime(now, zone).Hour;
        return settings.QuietFromHour > settings.QuietUntilHour
            ? hour >= settings.QuietFromHour || hour < settings.QuietUntilHour
            : hour >= settings.QuietFromHour && hour < settings.QuietUntilHour;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
                }
                catch (StorageUnavailableException e)
                {
                    DecisionLog.ReminderPassFailed(logger, e);
                }

                await Task.Delay(options.Value.ScanInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task NudgeAsync(Interview interview, CancellationToken cancellationToken)
    {
        var text = $"A gentle reminder: your screening chat is waiting for you. Reply here whenever you're ready and we'll pick up where you left off. It stays open until {interview.Record.ExpiresAt.UtcDateTime:dddd d MMMM HH:mm} UTC.";
        try
        {
            await channels.SendAsync(interview.CandidateConversation, [Reply.Message(text)], cancellationToken);
            DecisionLog.Nudged(logger, interview.Id);
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException)
        {
            DecisionLog.NudgeUndelivered(logger, interview.Id, e);
        }
    }

    /// <summary>Ends the screen as expired, if this instance wins the save; then tells the candidate and the hiring conversation.</summary>
    private async Task<bool> ExpireAsync(string interviewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var stored = await interviews.GetAsync(interviewId, cancellationToken);
        if (stored is null || stored.Interview.Record.IsEnded)
        {
            return false;
        }

        var interview = stored.Interview;
        var expired = interview with { Record = interview.Record with { Status = InterviewStatus.Expired, EndedAt = now } };
        try
        {
            await interviews.UpdateAsync(stored, expired, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another instance expired it, or the candidate wrote just now: their save stands.
            return false;
        }

        DecisionLog.Expired(logger, interviewId);
        await TryTellAsync(interview.CandidateConversation, "This screening chat has now closed because its deadline passed. Thank you for your time; the hiring team will be in touch if there is a next step.", interviewId, cancellationToken);
        if (interview.HiringConversation is { } hiring)
        {
            var name = string.IsNullOrWhiteSpace(interview.Candidate.Name) ? interview.Candidate.Id : interview.Candidate.Name;
            await TryTellAsync(hiring, $"{name}'s screen for `{interview.ProfileId}` (`{interview.Id}`) expired unfinished at its deadline: not scored.", interviewId, cancellationToken);
        }

        return true;
    }

    private async Task TryTellAsync(ConversationAddress address, string text, string interviewId, CancellationToken cancellationToken)
    {
        try
        {
            await channels.SendAsync(address, [new Reply { Text = text, Kind = ReplyKind.Closing }], cancellationToken);
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException)
        {
            DecisionLog.NudgeUndelivered(logger, interviewId, e);
        }
    }
}
