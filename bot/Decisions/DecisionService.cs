using System.Security.Cryptography;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Records recruiters' decisions and notes on finished screens (typed as commands or clicked on the scorecard), keeps the
/// history, and refreshes the posted scorecard in place so everyone in the hiring channel sees who decided what and when.
/// The caller (<see cref="RecruiterCommandService"/>) has already checked that the sender may recruit. Each decision (not the
/// reason or notes, which may quote the candidate) goes to the audit log as <c>Decided</c>, with who made it.
/// </summary>
internal sealed class DecisionService(
    IReportStore reports,
    IDecisionStore decisions,
    ChannelRouter channels,
    Compliance.AuditTrail audit,
    TimeProvider time,
    ILogger<DecisionService> logger)
{
    public async Task<CommandResponse> DecideAsync(DecideCommand command, CommandContext context, Func<CommandTarget, CancellationToken, Task<Interview?>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (interview, refusal) = await DecidableAsync(command.Target, context, resolve, cancellationToken);
        if (interview is null)
        {
            return refusal!;
        }

        if (command.Reason is { Length: > DecisionEntry.MaxTextLength })
        {
            return CommandResponse.Refused($"That reason is {command.Reason.Length} characters; keep it under {DecisionEntry.MaxTextLength}, and add more with `{context.CommandPrefix} note`.");
        }

        var history = await decisions.GetAsync(interview.Id, cancellationToken);
        var name = CommandTargets.Name(interview);
        if (history.Current is { } current && current.Decision == command.Decision && command.Reason is null)
        {
            await RefreshAsync(interview, history, command.Card, cancellationToken);
            return new CommandResponse($"{name} is already *{command.Decision.ToDisplay().ToLowerInvariant()}* ({current.By}, {DecisionPanel.When(current.At)}).");
        }

        var entry = NewEntry(interview, context, command.Card is null ? "command" : CardSource(context)) with { Decision = command.Decision, Text = command.Reason };
        await decisions.AppendAsync(entry, cancellationToken);
        DecisionLog.Decided(logger, interview.Id, command.Decision.ToVerb(), entry.Source);
        await audit.RecordAsync(
            Dialogs.Storage.AuditAction.Decided,
            Dialogs.Compliance.AuditActors.Recruiter(entry.ById),
            interview.Candidate.Id,
            interview.Id,
            interview.ProfileId,
            $"{command.Decision.ToVerb()} ({entry.Source})",
            cancellationToken);
        var updated = new DecisionHistory([.. history.Entries, entry]);
        var refreshed = await RefreshAsync(interview, updated, command.Card, cancellationToken);
        var change = history.Current is { Decision: { } before } ? $" (was {before.ToDisplay().ToLowerInvariant()})" : string.Empty;
        return new CommandResponse($"*{command.Decision.ToDisplay()}*: {name} (`{interview.Id}`){change}.{refreshed}");
    }

    public async Task<CommandResponse> NoteAsync(NoteCommand command, CommandContext context, Func<CommandTarget, CancellationToken, Task<Interview?>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command.Text.Length > DecisionEntry.MaxTextLength)
        {
            return CommandResponse.Refused($"That note is {command.Text.Length} characters; keep each note under {DecisionEntry.MaxTextLength}.");
        }

        var interview = await resolve(command.Target, cancellationToken);
        if (interview is null)
        {
            return CommandResponse.Refused($"I found no screen for {command.Target.Display}.");
        }

        var entry = NewEntry(interview, context, command.Card is null ? "command" : CardSource(context)) with { Text = command.Text };
        await decisions.AppendAsync(entry, cancellationToken);
        DecisionLog.Noted(logger, interview.Id, entry.Source);
        var history = await decisions.GetAsync(interview.Id, cancellationToken);
        var refreshed = await RefreshAsync(interview, history, command.Card, cancellationToken);
        return new CommandResponse($"Noted on {CommandTargets.Name(interview)}'s screen (`{interview.Id}`).{refreshed}");
    }

    /// <summary>The history of an interview, for status, report and export.</summary>
    public Task<DecisionHistory> HistoryAsync(string interviewId, CancellationToken cancellationToken) => decisions.GetAsync(interviewId, cancellationToken);

    /// <summary>Erases the interview's decisions and notes (<c>forget</c>).</summary>
    public Task<int> ForgetAsync(string interviewId, CancellationToken cancellationToken) => decisions.DeleteAsync(interviewId, cancellationToken);

    private static async Task<(Interview? Interview, CommandResponse? Refusal)> DecidableAsync(CommandTarget target, CommandContext context, Func<CommandTarget, CancellationToken, Task<Interview?>> resolve, CancellationToken cancellationToken)
    {
        var interview = await resolve(target, cancellationToken);
        if (interview is null)
        {
            return (null, CommandResponse.Refused($"I found no screen for {target.Display}."));
        }

        var name = CommandTargets.Name(interview);
        if (!interview.Record.IsEnded)
        {
            return (null, CommandResponse.Refused($"{name}'s screen is still going; decide once the scorecard is posted (`{context.CommandPrefix} status {interview.Id}`)."));
        }

        return interview.Status == InterviewStatus.Cancelled
            ? (null, CommandResponse.Refused($"{name}'s screen was cancelled, so there is nothing to decide on. Invite them again to screen them."))
            : (interview, null);
    }

    private DecisionEntry NewEntry(Interview interview, CommandContext context, string source)
    {
        var now = time.GetUtcNow();
        return new DecisionEntry
        {
            Id = $"{now.UtcTicks:D19}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            InterviewId = interview.Id,
            At = now,
            ById = context.Recruiter.AadObjectId ?? context.Recruiter.Id,
            ByName = context.Recruiter.Name,
            Source = source,
        };
    }

    private static string CardSource(CommandContext context) => context.ChannelId == "slack" ? "slack message" : context.ChannelId + " card";

    /// <summary>Refreshes the clicked card and the posted scorecard; returns a sentence for the recruiter when that failed.</summary>
    private async Task<string> RefreshAsync(Interview interview, DecisionHistory history, ScorecardMessage? clicked, CancellationToken cancellationToken)
    {
        if (await reports.GetAsync(interview.Id, cancellationToken) is not { } report)
        {
            return string.Empty;
        }

        var targets = new List<ScorecardMessage>();
        if (clicked is not null)
        {
            targets.Add(clicked);
        }

        if (report.PostedMessageId is { Length: > 0 } posted && interview.HiringConversation is { } hiring && clicked?.MessageId != posted)
        {
            targets.Add(new ScorecardMessage(hiring, posted));
        }

        var failed = string.Empty;
        foreach (var target in targets)
        {
            try
            {
                await channels.UpdateScorecardAsync(target, report.Scorecard, history, cancellationToken);
            }
            catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException)
            {
                DecisionLog.CardNotRefreshed(logger, interview.Id, target.MessageId, e);
                failed = $" The decision is saved, but I couldn't refresh the scorecard ({e.Message}).";
            }
        }

        return failed;
    }
}
