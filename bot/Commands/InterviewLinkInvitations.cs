using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Commands;

/// <summary>
/// Invites a candidate who is not in the Teams tenant or Slack workspace: starts their interview in a conversation of its own
/// (an interview link, bot/InterviewLinks) and returns the signed link to send them. Used by <c>screen jane@example.com …</c>
/// in every channel and by the <c>invite</c> verb. The same address with a screen of the same profile still open gets that
/// screen's link again rather than a second screen. Thread-safe.
/// </summary>
internal sealed class InterviewLinkInvitations(InterviewService interviews, IInterviewStore store, InterviewLinkTokens tokens)
{
    /// <summary>What to configure, said whenever a link is asked for while links are off.</summary>
    public const string SettingsNeeded =
        "Interview links are off. To send them, set `InterviewLinks:BaseUrl` to the bot's public https address (e.g. https://screeningbot.azurewebsites.net) " +
        "and `InterviewLinks:SigningKey` to a secret of at least 32 characters (e.g. from `openssl rand -base64 48`), as the environment variables " +
        "`InterviewLinks__BaseUrl` and `InterviewLinks__SigningKey` or, in Azure, with `interviewLinksEnabled` and the Key Vault secret `InterviewLinkSigningKey` (infra/README.md); then restart the bot.";

    /// <summary>How many of a candidate's screens are looked through for one still open.</summary>
    private const int OpenScreenLookup = 50;

    public bool Enabled => tokens.Enabled;

    /// <param name="request">Who and what for; <see cref="LinkInvitationRequest.Email"/> normalised (LinkCandidates.NormalizeEmail).</param>
    /// <exception cref="StorageUnavailableException">Storage is down; nothing was started.</exception>
    public async Task<LinkInvitation> InviteAsync(LinkInvitationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enabled)
        {
            throw new InvalidOperationException(SettingsNeeded);
        }

        var candidate = LinkCandidates.Candidate(request.Name, request.Email);
        if (request.Email is not null)
        {
            var open = (await store.ListAsync(new InterviewQuery(CandidateId: candidate.Id), OpenScreenLookup, cancellationToken))
                .FirstOrDefault(i => !i.Record.IsEnded && i.ProfileId == request.ProfileId && i.CandidateConversation.ChannelId == InterviewLinkChannel.ChannelId);
            if (open is not null)
            {
                return new LinkInvitation(LinkInvitationStatus.AlreadyInProgress, open, UrlOf(open));
            }
        }

        var linkId = InterviewLinkIds.NewLinkId();
        var started = await interviews.StartAsync(
            new StartInterviewRequest(request.ProfileId, candidate, InterviewLinkChannel.AddressOf(linkId), request.Recruiter, request.HiringConversation),
            cancellationToken);
        return started.Status == StartInterviewStatus.Started
            ? new LinkInvitation(LinkInvitationStatus.Sent, started.Interview, UrlOf(started.Interview!))
            : new LinkInvitation(LinkInvitationStatus.UnknownProfile, null, null);
    }

    /// <summary>The link of an interview started by link (the token is made from what the interview stores, so it is the same link every time).</summary>
    public string UrlOf(Interview interview)
    {
        ArgumentNullException.ThrowIfNull(interview);
        var link = new InterviewLink(interview.CandidateConversation.ConversationId, interview.Candidate.Id, interview.Record.ExpiresAt);
        return tokens.UrlFor(tokens.Create(link));
    }
}

/// <summary>Ask to send <see cref="Name"/> a link to a screen on <see cref="ProfileId"/>; the scorecard goes to <see cref="HiringConversation"/>.</summary>
internal sealed record LinkInvitationRequest(string ProfileId, string Name, string? Email, Participant? Recruiter, ConversationAddress? HiringConversation);

internal enum LinkInvitationStatus
{
    Sent,

    /// <summary>The address has a screen of this profile still open: its link is returned again.</summary>
    AlreadyInProgress,

    UnknownProfile,
}

/// <summary>The result of <see cref="InterviewLinkInvitations.InviteAsync"/>; the interview and its link unless the profile is unknown.</summary>
internal sealed record LinkInvitation(LinkInvitationStatus Status, Interview? Interview, string? Url);
