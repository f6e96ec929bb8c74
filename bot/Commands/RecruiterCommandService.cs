using System.Globalization;
using System.Text;
using Humanizer;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Compliance;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using static ScreeningBot.Bot.Rendering.MarkedText;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// Runs recruiter commands for every channel: authorisation, invitations, status, shortlist, reports,
/// cancellation, erasure, access requests and the adverse-impact report; what changes a candidate's standing is written to
/// the audit log with who did it. Channels parse with <see cref="RecruiterCommandParser"/>; the turn host (bot/Turns) runs the
/// command and the channel renders the <see cref="CommandResponse"/> its own way. Candidates are reached through
/// <see cref="ChannelRouter"/>, whichever channel they are on.
/// </summary>
internal sealed class RecruiterCommandService(
    InterviewService interviews,
    ChannelRouter channels,
    IInterviewStore store,
    IReportStore reports,
    CandidateRightsService rights,
    AdverseImpactReporter impact,
    AuditTrail audit,
    ScoringJobHandler scoring,
    ReportLinks links,
    Decisions.DecisionService decisions,
    Decisions.ExportLinks exportLinks,
    InterviewLinkInvitations linkInvitations,
    IOptions<ScreeningOptions> options,
    IOptions<ComplianceOptions> compliance,
    TimeProvider time,
    ILogger<RecruiterCommandService> logger,
    Drafting.ProfileDraftingService? drafting = null)
{
    private const int ListLimit = 10;

    /// <summary>Longest export shown in the chat itself (JSON characters); Slack splits messages above about 3,000.</summary>
    private const int MaxInlineExport = 2_500;

    /// <summary>How many of the latest screens a candidate's name (<c>status "Jane Doe"</c>) is looked for in.</summary>
    private const int NameLookup = 500;

    public async Task<CommandResponse> ExecuteAsync(RecruiterCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (command is HelpCommand help)
        {
            return Help(help, context);
        }

        if (command is InvalidCommand invalid)
        {
            return CommandResponse.Refused($"{invalid.Marked}\n{RecruiterCommandParser.Usage(context.CommandPrefix)}");
        }

        if (!IsRecruiter(context))
        {
            BotLog.CommandRefused(logger, context.ChannelId, command.GetType().Name);
            return CommandResponse.Refused(
                "Sorry, only recruiters can run screening commands. " +
                $"If you should be one, ask the bot operator to add your id `{InCode(context.Recruiter.AadObjectId ?? context.Recruiter.Id)}` to `Screening:Recruiters`.");
        }

        BotLog.CommandRun(logger, context.ChannelId, command.GetType().Name);
        return command switch
        {
            InviteCommand c => await InviteAsync(c, context, cancellationToken),
            InviteByLinkCommand c => await InviteByLinkAsync(c, context, cancellationToken),
            StatusCommand c => await StatusAsync(c, cancellationToken),
            ProfilesCommand => Profiles(),
            ShortlistCommand c => await ShortlistAsync(c, cancellationToken),
            ReportCommand c => await ReportAsync(c, cancellationToken),
            CancelCommand c => await CancelAsync(c, context, cancellationToken),
            ForgetCommand c => await ForgetAsync(c, context, cancellationToken),
            DecideCommand c => await decisions.DecideAsync(c, context, ResolveAsync, cancellationToken),
            NoteCommand c => await decisions.NoteAsync(c, context, ResolveAsync, cancellationToken),
            FeedbackCommand c => await decisions.FeedbackAsync(c, context, ResolveAsync, cancellationToken),
            ExportCommand c => await ExportAsync(c, context, cancellationToken),
            ExportCandidateCommand c => await ExportAsync(c, context, cancellationToken),
            ImpactCommand c => await ImpactAsync(c, cancellationToken),
            DraftProfileCommand c => await DraftProfileAsync(c, context, cancellationToken),
            _ => throw new InvalidOperationException($"Unhandled command {command.GetType().Name}."),
        };
    }

    private bool IsRecruiter(CommandContext context)
    {
        var recruiters = options.Value.Recruiters;
        return context.PreAuthorized
            || recruiters.Contains(context.Recruiter.Id, StringComparer.OrdinalIgnoreCase)
            || (context.Recruiter.AadObjectId is { } aad && recruiters.Contains(aad, StringComparer.OrdinalIgnoreCase));
    }

    private static CommandResponse Help(HelpCommand help, CommandContext context)
    {
        var usage = RecruiterCommandParser.Usage(context.CommandPrefix);
        var intro = "I run structured first-round screens for backend roles: I interview the candidate in a private chat, judge each answer and post a scorecard here when they finish.";
        return new CommandResponse(help.Topic is null ? $"{intro}\n{usage}" : usage);
    }

    private CommandResponse UnknownProfile(string profileId)
    {
        var available = string.Join(", ", interviews.Profiles.Profiles.Select(p => $"`{p.Id}`"));
        return CommandResponse.Refused($"There is no profile `{profileId}`. Available: {(available.Length == 0 ? "none (check Screening:ProfilesPath)" : available)}.");
    }

    private async Task<CommandResponse> InviteAsync(InviteCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        if (!interviews.Profiles.TryGet(command.ProfileId, out var profile))
        {
            return UnknownProfile(command.ProfileId);
        }

        if (command.Candidate.Id is not { } candidateId)
        {
            return CommandResponse.Refused($"I can't tell who @{Untrusted(command.Candidate.Display)} is. Pick them from the mention list so the message carries their account, e.g. `{context.CommandPrefix} screen @Jane {profile.Id}`.");
        }

        var candidate = new Participant(candidateId, command.Candidate.Display, command.Candidate.AadObjectId);
        var opened = await channels.OpenConversationAsync(candidate, context.Source, context.Recruiter, cancellationToken);
        if (opened.Address is null || opened.Candidate is null)
        {
            return CommandResponse.Refused($"I couldn't open a private chat with @{Untrusted(command.Candidate.Display)}: {opened.Error}");
        }

        var hiring = HiringConversation(profile.Id, profile.HiringChannels, context);
        var result = await interviews.StartAsync(new StartInterviewRequest(profile.Id, opened.Candidate, opened.Address, context.Recruiter, hiring, opened.TimeZone), cancellationToken);
        switch (result.Status)
        {
            case StartInterviewStatus.AlreadyInProgress:
                var existing = result.Interview!;
                return CommandResponse.Refused($"@{Untrusted(opened.Candidate.Name)} already has a screen in progress: {Line(existing)}. Use `{context.CommandPrefix} cancel {existing.Id}` first to start over.");
            case StartInterviewStatus.UnknownProfile:
                return CommandResponse.Refused($"There is no profile `{command.ProfileId}`.");
        }

        var interview = result.Interview!;
        try
        {
            await channels.SendAsync(opened.Address, result.Replies, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ChannelDeliveryException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            BotLog.InvitationUndelivered(logger, interview.Id, e);
            await interviews.CancelAsync(interview.Id, cancellationToken);
            return CommandResponse.Refused($"I couldn't message @{Untrusted(opened.Candidate.Name)} ({Untrusted(e.Message)}), so no screen was started. Try again once they can receive messages from the bot.");
        }

        await audit.RecordAsync(AuditAction.Invited, Actor(context), interview.Candidate.Id, interview.Id, interview.ProfileId, $"invited on {context.ChannelId}", cancellationToken);
        var where = hiring is null ? "here" : hiring.ConversationId == context.Source.ConversationId ? "here" : "in the hiring channel";
        return new CommandResponse($"Invited @{Untrusted(opened.Candidate.Name)} to the *{Untrusted(profile.Title)}* screen (`{interview.Id}`). I'll post the scorecard {where} when they finish.");
    }

    private async Task<CommandResponse> InviteByLinkAsync(InviteByLinkCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        if (!linkInvitations.Enabled)
        {
            return CommandResponse.Refused(InterviewLinkInvitations.SettingsNeeded);
        }

        if (!interviews.Profiles.TryGet(command.ProfileId, out var profile))
        {
            return UnknownProfile(command.ProfileId);
        }

        var name = command.Name ?? LinkCandidates.NameFromEmail(command.Email);
        var hiring = HiringConversation(profile.Id, profile.HiringChannels, context);
        var invitation = await linkInvitations.InviteAsync(new LinkInvitationRequest(profile.Id, name, command.Email, context.Recruiter, hiring), cancellationToken);
        if (invitation is not { Interview: { } interview, Url: { } url })
        {
            return UnknownProfile(command.ProfileId);
        }

        var until = interview.Record.ExpiresAt.UtcDateTime.ToString("dddd d MMMM 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (invitation.Status == LinkInvitationStatus.AlreadyInProgress)
        {
            return new CommandResponse(
                $"{Name(interview)} ({Untrusted(command.Email)}) already has a *{Untrusted(profile.Title)}* screen in progress: {Line(interview)}. Their link, until {until}:\n`{url}`\n" +
                $"To start over, `{context.CommandPrefix} cancel {interview.Id}` first.")
            { Succeeded = false };
        }

        var where = hiring is null || hiring.ConversationId == context.Source.ConversationId ? "here" : "in the hiring channel";
        var named = command.Name is null
            ? $"\nI'll greet them as {Untrusted(name)}; for another name, put it in quotes: `{context.CommandPrefix} screen \"Jane Doe\" {InCode(command.Email)} {profile.Id}`."
            : string.Empty;
        return new CommandResponse(
            $"Invited {Untrusted(name)} ({Untrusted(command.Email)}) to the *{Untrusted(profile.Title)}* screen (`{interview.Id}`). Send them this link; it opens this screen only and works until {until}:\n" +
            $"`{url}`\nI'll post the scorecard {where} when they finish.{named}");
    }

    private ConversationAddress? HiringConversation(string profileId, Dialogs.Profiles.HiringChannels channels, CommandContext context)
    {
        var configured = options.Value.HiringChannels.TryGetValue(profileId, out var id) ? id
            : context.ChannelId == "slack" ? channels.Slack
            : context.ChannelId == "msteams" ? channels.Teams
            : null;
        return string.IsNullOrWhiteSpace(configured)
            ? context.Source
            : context.Source with { ConversationId = configured, ThreadId = null };
    }

    private async Task<CommandResponse> StatusAsync(StatusCommand command, CancellationToken cancellationToken)
    {
        IReadOnlyList<Interview> found;
        string heading;
        if (command.Target is { InterviewId: { } id })
        {
            var stored = await store.GetAsync(id, cancellationToken);
            found = stored is null ? [] : [stored.Interview];
            heading = $"Screen `{id}`";
        }
        else if (command.Target is { Candidate: { } candidate })
        {
            found = candidate.Id is null ? [] : await store.ListAsync(new InterviewQuery(CandidateId: candidate.Id), ListLimit, cancellationToken);
            heading = $"Screens of @{Untrusted(candidate.Display)}";
        }
        else if (command.Target is { } linked)
        {
            var candidates = await CandidateIdsAsync(linked, cancellationToken);
            if (candidates.Problem is { } problem)
            {
                return CommandResponse.Refused(problem);
            }

            found = candidates.Ids.Length == 0 ? [] : await store.ListAsync(new InterviewQuery(CandidateId: candidates.Ids[0]), ListLimit, cancellationToken);
            heading = $"Screens of {Untrusted(linked.Display)}";
        }
        else
        {
            found = await store.ListAsync(new InterviewQuery(ProfileId: command.ProfileId), ListLimit, cancellationToken);
            heading = command.ProfileId is null ? "Latest screens" : $"Latest screens for `{command.ProfileId}`";
        }

        if (found.Count == 0)
        {
            return new CommandResponse($"{heading}: none found.");
        }

        var text = new StringBuilder($"*{heading}*");
        foreach (var interview in found)
        {
            text.Append("\n• ").Append(Line(interview)).Append(DecisionLine(await decisions.HistoryAsync(interview.Id, cancellationToken)));
            await EnsureScoredAsync(interview, cancellationToken);
        }

        return new CommandResponse(text.ToString());
    }

    /// <summary>A finished screen without a report lost its scoring job (e.g. a crash right after the last answer): queue it again.</summary>
    private async Task EnsureScoredAsync(Interview interview, CancellationToken cancellationToken)
    {
        // An expired screen is not scored (bot/Reminders/ReminderWorker): it has no report on purpose.
        if (interview.Record.IsEnded && interview.Status is not (InterviewStatus.Cancelled or InterviewStatus.Expired) && !NotScreened(interview)
            && interview.Record.EndedAt < time.GetUtcNow().AddMinutes(-2)
            && await reports.GetAsync(interview.Id, cancellationToken) is null)
        {
            await interviews.EnqueueScoringAsync(interview.Id, cancellationToken);
        }
    }

    private CommandResponse Profiles()
    {
        var profiles = interviews.Profiles.Profiles;
        if (profiles.Count == 0)
        {
            return new CommandResponse("No screening profiles are loaded. Check `Screening:ProfilesPath` and run `validate-profiles`.");
        }

        var text = new StringBuilder("*Screening profiles*");
        foreach (var p in profiles)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n• `{p.Id}`: {Untrusted(p.Title)} (about {TimeSpan.FromMinutes(p.DurationMinutes).Humanize()}, {"knockout".ToQuantity(p.Knockouts.Count)}, {"question".ToQuantity(p.CustomQuestions.Count)}, {"deep-dive".ToQuantity(p.Blueprints.Count)})");
        }

        return new CommandResponse(text.ToString());
    }

    private async Task<CommandResponse> ShortlistAsync(ShortlistCommand command, CancellationToken cancellationToken)
    {
        var finished = (await store.ListAsync(new InterviewQuery(ProfileId: command.ProfileId), 200, cancellationToken))
            .Where(i => i.Status == InterviewStatus.Completed)
            .ToArray();
        var scored = new List<(Interview Interview, Scorecard Scorecard)>();
        foreach (var interview in finished)
        {
            if (await reports.GetAsync(interview.Id, cancellationToken) is { } report)
            {
                scored.Add((interview, report.Scorecard));
            }
        }

        var scope = command.ProfileId is null ? string.Empty : $" for `{command.ProfileId}`";
        if (scored.Count == 0)
        {
            return new CommandResponse($"No finished screens{scope} yet.");
        }

        var ranked = Shortlisting.Rank(scored.Select(s => (s.Interview, s.Scorecard))).Take(command.Top).ToList();
        var text = new StringBuilder($"*Shortlist{scope}* (top {ranked.Count} of {scored.Count} completed screens: recommendation, then score, then confidence)");
        var rank = 0;
        foreach (var (interview, card) in ranked)
        {
            var decided = DecisionLine(await decisions.HistoryAsync(interview.Id, cancellationToken));
            text.Append(CultureInfo.InvariantCulture, $"\n{++rank}. {Untrusted(card.CandidateName)}: *{card.CompositeScore}/100 {card.Recommendation.ToDisplay()}* (confidence {card.Confidence:0.00}), `{interview.ProfileId}`, `{interview.Id}`{(decided.Length == 0 ? " · undecided" : decided)}");
        }

        return new CommandResponse(text.ToString());
    }

    private async Task<CommandResponse> ExportAsync(ExportCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var count = (await store.ListAsync(new InterviewQuery(ProfileId: command.ProfileId), Decisions.ScreenExporter.MaxRows, cancellationToken))
            .Count(i => command.Since is null || i.CreatedAt >= command.Since);
        var format = command.Json ? Decisions.ExportFormat.Json : Decisions.ExportFormat.Csv;
        var scope = $"{"screen".ToQuantity(count)} of `{command.ProfileId}`" + (command.Since is { } since ? $" started since {Decisions.ExportLinks.Day(since)}" : string.Empty);
        return exportLinks.Create(command.ProfileId, command.Since, format) is { } link
            ? new CommandResponse($"Export of {scope} ({format.ToString().ToUpperInvariant()}, one row per screen with score, recommendation and decision): {link}\nThe link works for an hour.")
            : CommandResponse.Refused(
                $"I found {scope}, but I can only hand out files once the bot has a public address: the operator sets `Reports:BaseUrl` and `Reports:SigningKey`. " +
                $"Meanwhile, on the bot's host: `dotnet run --project bot -- export --profile {command.ProfileId}{(command.Since is { } s ? " --since " + Decisions.ExportLinks.Day(s) : string.Empty)} --format {(command.Json ? "json" : "csv")} --out screens.{(command.Json ? "json" : "csv")}`.");
    }

    private async Task<CommandResponse> ReportAsync(ReportCommand command, CancellationToken cancellationToken)
    {
        var interview = await ResolveAsync(command.Target, cancellationToken);
        if (interview is null)
        {
            return CommandResponse.Refused($"I found no screen for {Untrusted(command.Target.Display)}.");
        }

        if (!interview.Record.IsEnded)
        {
            return new CommandResponse($"{Name(interview)}'s screen is still going ({Line(interview)}); the scorecard is posted when it ends.");
        }

        if (interview.Status == InterviewStatus.Cancelled)
        {
            return new CommandResponse($"{Name(interview)}'s screen was cancelled, so there is no scorecard.");
        }

        if (ScreeningNotice.For(interview, interview.ProfileId) is { } notice)
        {
            return new CommandResponse($"{notice.Headline}. {notice.Text} There is no scorecard.");
        }

        var report = await reports.GetAsync(interview.Id, cancellationToken) ?? await scoring.BuildAsync(interview, cancellationToken);
        var link = links.Create(interview.Id);
        var text = link is null ? $"Scorecard for {Name(interview)} (`{interview.Id}`)" : $"Scorecard for {Name(interview)} (`{interview.Id}`). Full report with transcript: {link}";
        var history = await decisions.HistoryAsync(interview.Id, cancellationToken);
        text += $"\n*Decision:* {Untrusted(Rendering.DecisionPanel.Status(history))}" + string.Concat(Rendering.DecisionPanel.Details(history).Select(line => "\n• " + Untrusted(line)));
        return new CommandResponse(text) { Scorecard = report.Scorecard with { ReportUrl = link ?? report.Scorecard.ReportUrl } };
    }

    private async Task<CommandResponse> CancelAsync(CancelCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var interview = await ResolveAsync(command.Target, cancellationToken);
        if (interview is null)
        {
            return CommandResponse.Refused($"I found no screen for {Untrusted(command.Target.Display)}.");
        }

        if (interview.Record.IsEnded)
        {
            return CommandResponse.Refused($"{Name(interview)}'s screen has already ended ({ReportText(interview.Status)}).");
        }

        await interviews.CancelAsync(interview.Id, cancellationToken);
        await audit.RecordAsync(AuditAction.Cancelled, Actor(context), interview.Candidate.Id, interview.Id, interview.ProfileId, cancellationToken: cancellationToken);
        try
        {
            await channels.SendAsync(interview.CandidateConversation, [new Reply { Text = "The hiring team has closed this screen. Thank you for your time!", Kind = ReplyKind.Closing }], cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or ChannelDeliveryException)
        {
            BotLog.InvitationUndelivered(logger, interview.Id, e);
        }

        return interview.CandidateConversation.ChannelId == InterviewLinkChannel.ChannelId
            ? new CommandResponse($"Cancelled {Name(interview)}'s screen (`{interview.Id}`); their interview link no longer opens it and says the hiring team closed it.")
            : new CommandResponse($"Cancelled {Name(interview)}'s screen (`{interview.Id}`) and let them know.");
    }

    private async Task<CommandResponse> ForgetAsync(ForgetCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var (candidateId, problem) = await CandidateIdAsync(command.Target, cancellationToken);
        if (problem is not null)
        {
            return CommandResponse.Refused(problem);
        }

        if (candidateId is null)
        {
            return CommandResponse.Refused($"I found no candidate for {Untrusted(command.Target.Display)}. Mention them from the mention list, or give their email address, their name in quotes or one of their interview ids.");
        }

        if (!command.Confirmed)
        {
            return new CommandResponse(
                $"This permanently deletes every screen, transcript and scorecard stored for {Untrusted(command.Target.Display)}, and the scorecards and notices the bot posted about them. " +
                $"To go ahead, send `{context.CommandPrefix} forget {InCode(command.Target.Display)} confirm`.")
            { Succeeded = false };
        }

        foreach (var screened in await store.ListAsync(new InterviewQuery(CandidateId: candidateId), 1_000, cancellationToken))
        {
            await decisions.ForgetAsync(screened.Id, cancellationToken);
        }

        var erased = await rights.ForgetAsync(candidateId, Actor(context), cancellationToken);
        BotLog.CandidateForgotten(logger, erased.Stored.Interviews, erased.Stored.TranscriptTurns, erased.Stored.Reports);
        if (erased.FoundNothing)
        {
            return CommandResponse.Refused($"Nothing is stored about {Untrusted(command.Target.Display)}, and nothing was posted about them: there was nothing to delete.");
        }

        var text = new StringBuilder(
            $"Deleted everything stored for {Untrusted(command.Target.Display)}: {"screen".ToQuantity(erased.Stored.Interviews)}, {"transcript line".ToQuantity(erased.Stored.TranscriptTurns)}, " +
            $"{"scorecard".ToQuantity(erased.Stored.Reports)} and {"self-identification".ToQuantity(erased.Stored.SelfIdentifications)}; " +
            $"removed {"message".ToQuantity(erased.MessagesRemoved)} the bot had posted about them, and their report links no longer open.");
        if (erased.Unreached.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n*{"message".ToQuantity(erased.Unreached.Count)} could not be removed* (run `{context.CommandPrefix} forget {InCode(command.Target.Display)} confirm` again to retry, or delete by hand):");
            foreach (var missed in erased.Unreached)
            {
                text.Append(CultureInfo.InvariantCulture, $"\n• {missed.ChannelId} conversation `{missed.ConversationId}`, message `{missed.MessageId}`: {Untrusted(missed.Problem)}");
            }
        }

        return new CommandResponse(text.ToString()) { Succeeded = erased.Unreached.Count == 0 };
    }

    private async Task<CommandResponse> ExportAsync(ExportCandidateCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        var (candidateId, problem) = await CandidateIdAsync(command.Target, cancellationToken);
        if (problem is not null)
        {
            return CommandResponse.Refused(problem);
        }

        if (candidateId is null)
        {
            return CommandResponse.Refused($"I found no candidate for {Untrusted(command.Target.Display)}. Mention them from the mention list, or give their email address, their name in quotes or one of their interview ids.");
        }

        if (links.CreateExport(candidateId, Actor(context)) is { } link)
        {
            await audit.RecordAsync(AuditAction.Exported, Actor(context), candidateId, detail: "download link issued", cancellationToken: cancellationToken);
            return new CommandResponse(
                $"Everything stored about {Untrusted(command.Target.Display)}, as JSON (screens with their transcripts and scorecards, where the bot posted about them, " +
                $"and the audit entries that name them): {link}\nThe link works for an hour. Self-identification answers are kept apart and are not included.");
        }

        var export = await rights.ExportAsync(candidateId, Actor(context), includeSelfIdentification: false, cancellationToken);
        if (export.Interviews.Count == 0 && export.PostedMessages.Count == 0)
        {
            return CommandResponse.Refused($"Nothing is stored about {Untrusted(command.Target.Display)}.");
        }

        var json = CandidateExporter.ToJson(export);
        return json.Length <= MaxInlineExport
            ? new CommandResponse($"Everything stored about {Untrusted(command.Target.Display)}:\n```\n{json}\n```")
            : new CommandResponse(
                $"{Untrusted(command.Target.Display)} has {"screen".ToQuantity(export.Interviews.Count)} on record; as JSON that is {json.Length / 1024} KB, too long for a chat message. " +
                $"Set `Reports:BaseUrl` and `Reports:SigningKey` to get a download link here, or ask the bot's operator to run " +
                $"`dotnet run --project bot -- export-candidate --candidate {candidateId} --out export.json`.");
    }

    private async Task<CommandResponse> ImpactAsync(ImpactCommand command, CancellationToken cancellationToken)
    {
        if (command.ProfileId is { } id && !interviews.Profiles.TryGet(id, out _))
        {
            return CommandResponse.Refused($"There is no profile `{id}`. `profiles` lists them.");
        }

        var to = command.To ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var from = command.From ?? to.AddYears(-1).AddDays(1);
        var report = await impact.ReportAsync(
            command.ProfileId,
            new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
            compliance.Value.MinimumGroupSize,
            cancellationToken);
        return new CommandResponse(Rendering.AdverseImpactText.Render(report));
    }

    /// <summary>Drafts a profile from pasted text and shows it; nothing is saved, so the draft cannot reach a candidate unreviewed.</summary>
    private async Task<CommandResponse> DraftProfileAsync(DraftProfileCommand command, CommandContext context, CancellationToken cancellationToken)
    {
        if (drafting is null)
        {
            return CommandResponse.Refused($"Drafting profiles is not set up on this bot. On the bot's host, run `dotnet run --project bot -- profile draft --from jd.txt --id {command.ProfileId}`.");
        }

        if (interviews.Profiles.TryGet(command.ProfileId, out var existing))
        {
            return CommandResponse.Refused($"A profile `{command.ProfileId}` ({Untrusted(existing.Title)}) already exists, and a draft never replaces a live profile. Pick another id: `{context.CommandPrefix} draft-profile {command.ProfileId}-2` followed by the description.");
        }

        var outcome = await drafting.DraftAsync(command.Description, command.ProfileId, $"a job description pasted on {context.ChannelId}", null, cancellationToken);
        if (outcome.Draft is not { } draft)
        {
            return CommandResponse.Refused($"I could not draft `{command.ProfileId}`: {Untrusted(outcome.Error)}");
        }

        Drafting.DraftingLog.DraftedForRecruiter(logger, command.ProfileId, context.ChannelId, draft.Review.Count);
        return ProfileDraftReply.Create(draft, command.ProfileId, context.CommandPrefix);
    }

    /// <summary>The candidate a target names (a mention, an interview id, an email address, a name); a problem to show when a name is ambiguous.</summary>
    private async Task<(string? Id, string? Problem)> CandidateIdAsync(CommandTarget target, CancellationToken cancellationToken)
    {
        if (target.Candidate?.Id is { } mentioned)
        {
            return (mentioned, null);
        }

        if (target.InterviewId is { } id)
        {
            return ((await store.GetAsync(id, cancellationToken))?.Interview.Candidate.Id, null);
        }

        if (target is { Email: not null } or { Name: not null })
        {
            var candidates = await CandidateIdsAsync(target, cancellationToken);
            return (candidates.Ids.FirstOrDefault(), candidates.Problem);
        }

        return (null, null);
    }

    private static string Actor(CommandContext context) => AuditActors.Recruiter(context.Recruiter.AadObjectId ?? context.Recruiter.Id);

    private static bool NotScreened(Interview interview) => ScreeningNotice.For(interview, interview.ProfileId) is not null;

    private async Task<Interview?> ResolveAsync(CommandTarget target, CancellationToken cancellationToken)
    {
        if (target.InterviewId is { } id)
        {
            return (await store.GetAsync(id, cancellationToken))?.Interview;
        }

        var candidateId = target.Candidate?.Id;
        if (target is { Email: not null } or { Name: not null })
        {
            // An ambiguous name resolves to nobody here; `status "name"` says who matched.
            var candidates = await CandidateIdsAsync(target, cancellationToken);
            candidateId = candidates.Problem is null ? candidates.Ids.FirstOrDefault() : null;
        }

        if (candidateId is null)
        {
            return null;
        }

        var latest = await store.ListAsync(new InterviewQuery(CandidateId: candidateId), 1, cancellationToken);
        return latest.Count > 0 ? latest[0] : null;
    }

    /// <summary>
    /// The candidate an email address or a name names: by address, the id every link to it carries; by name, the one candidate
    /// of that name among the latest screens (in any channel). Two people of the same name is a problem to show.
    /// </summary>
    private async Task<(string[] Ids, string? Problem)> CandidateIdsAsync(CommandTarget target, CancellationToken cancellationToken)
    {
        if (target.Email is { } email)
        {
            return (LinkCandidates.CandidateIdOf(email) is { } id ? [id] : [], null);
        }

        var name = LinkCandidates.CleanName(target.Name);
        var matching = (await store.ListAsync(InterviewQuery.All, NameLookup, cancellationToken))
            .Where(i => string.Equals(LinkCandidates.CleanName(i.Candidate.Name), name, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var ids = matching.Select(i => i.Candidate.Id).Distinct(StringComparer.Ordinal).ToArray();
        return ids.Length <= 1
            ? (ids, null)
            : ([], $"{ids.Length} candidates are called {Untrusted(target.Display)}; name one by email address, mention or interview id: {string.Join(", ", matching.DistinctBy(i => i.Candidate.Id).Select(i => $"`{i.Id}`"))}.");
    }

    private string Line(Interview interview)
    {
        var age = (time.GetUtcNow() - interview.CreatedAt).Humanize(precision: 1);
        var progress = interview.Record.IsEnded ? ReportText(interview.Status) : $"{ReportText(interview.Status).ToLowerInvariant()}, {interview.Position.Phase.Humanize(LetterCasing.LowerCase)}";
        var via = interview.CandidateConversation.ChannelId == InterviewLinkChannel.ChannelId ? " by link" : string.Empty;
        return $"{Name(interview)}, `{interview.ProfileId}`: {progress}, started {age} ago{via} (`{interview.Id}`)";
    }

    /// <summary>The candidate's name, marked untrusted for the answer's text.</summary>
    private static string Name(Interview interview) => Untrusted(CommandTargets.Name(interview));

    /// <summary>" · *Advanced* by Ana", or nothing while nobody has decided.</summary>
    private static string DecisionLine(DecisionHistory history) =>
        history.Current is { Decision: { } decision } current ? $" · *{decision.ToDisplay()}* by {Untrusted(current.By)}" : string.Empty;

    private static string ReportText(InterviewStatus status) => Rendering.ReportText.Outcome(status);
}
