using System.Security.Cryptography;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using static ScreeningBot.Bot.Rendering.MarkedText;

namespace ScreeningBot.Bot.Decisions;

/// <summary>
/// Records recruiters' decisions and notes on finished screens (typed as commands or clicked on the scorecard), keeps the
/// history, and refreshes the posted scorecard in place so everyone in the hiring channel sees who decided what and when.
/// The caller (<see cref="RecruiterCommandService"/>) has already checked that the sender may recruit. Each decision (not the
/// reason or notes, which may quote the candidate) goes to the audit log as <c>Decided</c>, with who made it, and raises the
/// <c>decision.recorded</c> webhook event (<see cref="WebhookPublisher"/>).
/// </summary>
internal sealed class DecisionService(
    IReportStore reports,
    IDecisionStore decisions,
    ChannelRouter channels,
    Compliance.AuditTrail audit,
    WebhookPublisher webhooks,
    Dialogs.Profiles.IProfileSource profiles,
    TimeProvider time,
    ILogger<DecisionService> logger)
{
    /// <summary>The entry's <see cref="DecisionEntry.Source"/> that records feedback sent to the candidate.</summary>
    public const string FeedbackSource = "feedback";

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
        var name = Untrusted(CommandTargets.Name(interview));
        if (history.Current is { } current && current.Decision == command.Decision && command.Reason is null)
        {
            await RefreshAsync(interview, history, command.Card, "The decision is saved", cancellationToken);
            return new CommandResponse($"{name} is already *{command.Decision.ToDisplay().ToLowerInvariant()}* ({Untrusted(current.By)}, {DecisionPanel.When(current.At)}).");
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
        await webhooks.DecisionRecordedAsync(interview, entry, cancellationToken);
        var updated = new DecisionHistory([.. history.Entries, entry]);
        var refreshed = await RefreshAsync(interview, updated, command.Card, "The decision is saved", cancellationToken);
        var change = history.Current is { Decision: { } before } ? $" (was {before.ToDisplay().ToLowerInvariant()})" : string.Empty;
        var preview = await FeedbackPreviewAsync(interview, entry, context, cancellationToken);
        return new CommandResponse($"*{command.Decision.ToDisplay()}*: {name} (`{interview.Id}`){change}.{refreshed}{preview}")
        {
            FeedbackConfirmation = new FeedbackConfirmation(interview.Id, entry.Id),
        };
    }

    /// <summary>
    /// <c>feedback @jane</c>: the message the candidate would get about the current decision, for the recruiter to read;
    /// <c>feedback @jane send</c>: sends it to the candidate's 1:1 conversation, once per decision (recorded as a note).
    /// </summary>
    public async Task<CommandResponse> FeedbackAsync(FeedbackCommand command, CommandContext context, Func<CommandTarget, CancellationToken, Task<Interview?>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        var (interview, refusal) = await DecidableAsync(command.Target, context, resolve, cancellationToken);
        if (interview is null)
        {
            return refusal!;
        }

        var name = Untrusted(CommandTargets.Name(interview));
        var history = await decisions.GetAsync(interview.Id, cancellationToken);
        if (history.Current is not { Decision: { } decision } current)
        {
            return CommandResponse.Refused($"Nobody has decided on {name} yet; decide first (`{context.CommandPrefix} advance|reject|hold {interview.Id}`), then send feedback.");
        }

        if (command.DecisionId is { } previewed && previewed != current.Id)
        {
            return CommandResponse.Refused($"The decision on {name} changed since that preview; nothing was sent. Read the new one with `{context.CommandPrefix} feedback {interview.Id}`.");
        }

        if (SentFor(history, current) is { } sent)
        {
            return CommandResponse.Refused($"Feedback about this decision already went to {name} ({Untrusted(sent.By)}, {DecisionPanel.When(sent.At)}).");
        }

        var text = await ComposeFeedbackAsync(interview, decision, cancellationToken);
        if (!command.Send)
        {
            return new CommandResponse(Preview(name, text, interview.Id, context)) { FeedbackConfirmation = new FeedbackConfirmation(interview.Id, current.Id) };
        }

        try
        {
            await channels.SendAsync(interview.CandidateConversation, [Dialogs.Conversation.Reply.Message(text)], cancellationToken);
        }
        catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException)
        {
            DecisionLog.FeedbackUndelivered(logger, interview.Id, e);
            return CommandResponse.Refused($"I couldn't deliver the feedback to {name} ({Untrusted(e.Message)}); nothing was recorded, so you can try again.");
        }

        // Keyed by the decision it follows: one feedback per decision, and two racing sends record one note.
        var note = NewEntry(interview, context, FeedbackSource) with { Id = FeedbackIdOf(current), Text = $"Feedback sent to the candidate ({decision.ToDisplay().ToLowerInvariant()})." };
        await decisions.AppendAsync(note, cancellationToken);
        DecisionLog.FeedbackSent(logger, interview.Id, decision.ToVerb());

        // The card's preview and button give way to who sent it and when.
        var refreshed = await RefreshAsync(interview, new DecisionHistory([.. history.Entries, note]), command.Card, "The feedback was sent", cancellationToken);
        return new CommandResponse($"Sent {name} the feedback about the decision ({decision.ToDisplay().ToLowerInvariant()}).{refreshed}");
    }

    /// <summary>The feedback note recorded for decision <paramref name="current"/>, if any.</summary>
    private static DecisionEntry? SentFor(DecisionHistory history, DecisionEntry current) =>
        history.Notes.FirstOrDefault(n => n.Source == FeedbackSource && n.Id == FeedbackIdOf(current));

    private static string FeedbackIdOf(DecisionEntry decision) => decision.Id + "-feedback";

    private async Task<string> FeedbackPreviewAsync(Interview interview, DecisionEntry entry, CommandContext context, CancellationToken cancellationToken) =>
        "\n\n" + Preview(Untrusted(CommandTargets.Name(interview)), await ComposeFeedbackAsync(interview, entry.Decision!.Value, cancellationToken), interview.Id, context);

    /// <param name="name">The candidate's name, marked untrusted.</param>
    private static string Preview(string name, string text, string interviewId, CommandContext context) =>
        $"Feedback {name} would get (not sent):\n" + string.Join("\n", text.Split('\n').Select(line => "> " + Untrusted(line))) +
        $"\nSend it with `{context.CommandPrefix} feedback {interviewId} send`, or leave it.";

    private async Task<string> ComposeFeedbackAsync(Interview interview, HiringDecision decision, CancellationToken cancellationToken) =>
        ComposeFeedback(interview, decision, await reports.GetAsync(interview.Id, cancellationToken));

    private string ComposeFeedback(Interview interview, HiringDecision decision, StoredReport? report)
    {
        var known = profiles.TryGet(interview.ProfileId, out var profile);
        var title = known ? profile!.Title : report?.Scorecard.ProfileTitle ?? interview.ProfileId;
        var firstName = interview.Candidate.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        return CandidateFeedbackWriter.Compose(firstName, title, decision, report?.Scorecard, known && profile!.CandidateFeedback, known ? profile!.BannedTopics : null);
    }

    public async Task<CommandResponse> NoteAsync(NoteCommand command, CommandContext context, Func<CommandTarget, CancellationToken, Task<Interview?>> resolve, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(command.Text))
        {
            return CommandResponse.Refused(command.Card is null
                ? $"The note is empty; write it after the candidate, e.g. `{context.CommandPrefix} note @jane strong on queues, probe testing`."
                : "The note field is empty; type your note above the buttons, then press Add note.");
        }

        if (command.Text.Length > DecisionEntry.MaxTextLength)
        {
            return CommandResponse.Refused($"That note is {command.Text.Length} characters; keep each note under {DecisionEntry.MaxTextLength}. Nothing was saved.");
        }

        var interview = await resolve(command.Target, cancellationToken);
        if (interview is null)
        {
            return CommandResponse.Refused($"I found no screen for {Untrusted(command.Target.Display)}.");
        }

        var entry = NewEntry(interview, context, command.Card is null ? "command" : CardSource(context)) with { Text = command.Text };
        await decisions.AppendAsync(entry, cancellationToken);
        DecisionLog.Noted(logger, interview.Id, entry.Source);
        var history = await decisions.GetAsync(interview.Id, cancellationToken);
        var refreshed = await RefreshAsync(interview, history, command.Card, "The note is saved", cancellationToken);
        return new CommandResponse($"Noted on {Untrusted(CommandTargets.Name(interview))}'s screen (`{interview.Id}`).{refreshed}");
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
            return (null, CommandResponse.Refused($"I found no screen for {Untrusted(target.Display)}."));
        }

        var name = Untrusted(CommandTargets.Name(interview));
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

    /// <summary>
    /// Refreshes the clicked card and the posted scorecard, with the candidate feedback for the current decision (its preview
    /// and button, or who sent it); returns a sentence for the recruiter when that failed.
    /// </summary>
    private async Task<string> RefreshAsync(Interview interview, DecisionHistory history, ScorecardMessage? clicked, string saved, CancellationToken cancellationToken)
    {
        if (await reports.GetAsync(interview.Id, cancellationToken) is not { } report)
        {
            return string.Empty;
        }

        var feedback = history.Current is { Decision: { } decision } current
            ? new FeedbackOnCard(new FeedbackConfirmation(interview.Id, current.Id), CommandTargets.Name(interview), ComposeFeedback(interview, decision, report), SentFor(history, current))
            : null;

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
                await channels.UpdateScorecardAsync(target, report.Scorecard, history, feedback, cancellationToken);
            }
            catch (Exception e) when (e is ChannelDeliveryException or HttpRequestException)
            {
                DecisionLog.CardNotRefreshed(logger, interview.Id, target.MessageId, e);
                failed = $" {saved}, but I couldn't refresh the scorecard ({Untrusted(e.Message)}).";
            }
        }

        return failed;
    }
}
