using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Compliance;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;
using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Commands;

public sealed class RecruiterCommandServiceTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInterviewStore _interviews = new();
    private readonly InMemoryTranscriptStore _transcripts = new();
    private readonly InMemoryReportStore _reports = new();
    private readonly InMemorySelfIdentificationStore _selfIdentifications = new();
    private readonly InMemoryPostedMessageStore _posted = new();
    private readonly RecordingConversationChannel _channel = new();
    private readonly RecordingPublisher _publisher = new();
    private readonly InMemoryJobQueue _jobs;
    private readonly InterviewService _service;
    private readonly ScoringJobHandler _scoring;

    private InMemoryAuditLog AuditLog { get; } = new();

    private static readonly CommandContext Recruiter = new("slack", new Participant("URECRUIT", "Rita"), new ConversationAddress { ChannelId = "slack", ConversationId = "C-HIRING" }, "/screen");

    public RecruiterCommandServiceTests()
    {
        _jobs = new InMemoryJobQueue(_time);
        var profiles = new StaticProfileSource(SampleProfiles.Backend);
        var dialog = new ScreeningDialog(new ScriptedJudge(), _time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        _service = new InterviewService(profiles, _interviews, _transcripts, _jobs, dialog, _time, NullLogger<InterviewService>.Instance);
        _scoring = new ScoringJobHandler(_interviews, _transcripts, _reports, new InMemoryProcessedMessageLedger(_time), profiles, _publisher, _time, NullLogger<ScoringJobHandler>.Instance);
    }

    private RecruiterCommandService CreateSut(params string[] recruiters) => CreateSut(new InterviewLinkOptions(), recruiters);

    private RecruiterCommandService CreateSut(InterviewLinkOptions linkOptions, params string[] recruiters) => CreateSut(linkOptions, null, recruiters);

    private RecruiterCommandService CreateSut(InterviewLinkOptions linkOptions, Bot.Drafting.ProfileDraftingService? drafting, params string[] recruiters)
    {
        var options = new ScreeningOptions();
        foreach (var r in recruiters.Length == 0 ? ["URECRUIT"] : recruiters)
        {
            options.Recruiters.Add(r);
        }

        var links = new ReportLinks(Options.Create(new ReportOptions()), _time);
        var router = new ChannelRouter([_channel], links, NullLogger<ChannelRouter>.Instance);
        var audit = new AuditTrail(AuditLog, _time, NullLogger<AuditTrail>.Instance);
        var data = new CandidateDataService(_interviews, _transcripts, _reports, _selfIdentifications, _posted);
        var exporter = new CandidateExporter(_interviews, _transcripts, _reports, _selfIdentifications, _posted, AuditLog, _time);
        var rights = new CandidateRightsService(data, exporter, _posted, router, audit, NullLogger<CandidateRightsService>.Instance);
        var impact = new AdverseImpactReporter(_selfIdentifications, _reports, NoHumanDecisions.Instance);
        var invitations = new InterviewLinkInvitations(_service, _interviews, new InterviewLinkTokens(Options.Create(linkOptions), _time));
        var decisionStore = new InMemoryDecisionStore();
        var webhooks = new Bot.Decisions.WebhookPublisher(new InMemoryJobQueue(_time), _reports, new Bot.Decisions.ScreenExporter(_interviews, _reports, decisionStore, links), Options.Create(new Bot.Decisions.WebhookOptions()), _time, NullLogger<Bot.Decisions.WebhookPublisher>.Instance);
        var decisions = new Bot.Decisions.DecisionService(_reports, decisionStore, router, audit, webhooks, _service.Profiles, _time, NullLogger<Bot.Decisions.DecisionService>.Instance);
        return new RecruiterCommandService(
            _service, router, _interviews, _reports, rights, impact, audit, _scoring, links, decisions, new Bot.Decisions.ExportLinks(Options.Create(new ReportOptions()), _time), invitations,
            Options.Create(options), Options.Create(new ComplianceOptions()), _time, NullLogger<RecruiterCommandService>.Instance, drafting);
    }

    private Task<CommandResponse> RunAsync(string text, CommandContext? context = null, RecruiterCommandService? sut = null) =>
        (sut ?? CreateSut()).ExecuteAsync(RecruiterCommandParser.Parse(text), context ?? Recruiter, CancellationToken.None);

    private async Task FinishInterviewAsync(string conversationKey, params string[] answers)
    {
        foreach (var answer in answers)
        {
            await _service.HandleMessageAsync(conversationKey, new IncomingMessage(answer), CancellationToken.None);
        }

        foreach (var job in await _jobs.ReceiveAsync(10, TimeSpan.FromMinutes(1), CancellationToken.None))
        {
            await _scoring.HandleAsync(job.Job, CancellationToken.None);
            await _jobs.CompleteAsync(job, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Invite_ByRecruiter_SendsWelcomeToCandidateAndConfirmsToRecruiter()
    {
        var response = await RunAsync("screen <@UJANE|Jane Doe> sample-backend");

        Assert.True(response.Succeeded, response.Text);
        Assert.Contains("Invited @Jane Doe to the *Backend Developer* screen", response.Text, StringComparison.Ordinal);
        Assert.Equal(2, _channel.Sent.Count);
        Assert.All(_channel.Sent, s => Assert.Equal("dm-UJANE", s.Address.ConversationId));
        Assert.Contains("Hi Jane!", _channel.Sent[0].Reply.Text, StringComparison.Ordinal);
        var interview = Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
        Assert.Equal("C-HIRING", interview.HiringConversation!.ConversationId);
        Assert.Equal("URECRUIT", interview.Recruiter!.Id);
    }

    [Fact]
    public async Task Invite_ByNonRecruiter_IsRefusedPolitelyWithTheirId()
    {
        var stranger = Recruiter with { Recruiter = new Participant("USTRANGER", "Sam") };

        var response = await RunAsync("screen <@UJANE|Jane> sample-backend", stranger);

        Assert.False(response.Succeeded);
        Assert.Contains("only recruiters", response.Text, StringComparison.Ordinal);
        Assert.Contains("USTRANGER", response.Text, StringComparison.Ordinal);
        Assert.Empty(_channel.Sent);
    }

    [Fact]
    public async Task Invite_PreAuthorizedByChannelRule_IsAllowed()
    {
        var teamMember = Recruiter with { Recruiter = new Participant("UTEAM", "Tom"), PreAuthorized = true };

        var response = await RunAsync("screen <@UJANE|Jane> sample-backend", teamMember);

        Assert.True(response.Succeeded, response.Text);
    }

    [Fact]
    public async Task Invite_UnknownProfile_ListsTheAvailableOnes()
    {
        var response = await RunAsync("screen <@UJANE|Jane> frontend-senior");

        Assert.False(response.Succeeded);
        Assert.Equal("There is no profile `frontend-senior`. Available: `sample-backend`.", response.Text);
    }

    [Fact]
    public async Task Invite_Twice_RefusesSecondWhileFirstInProgress()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");

        var second = await RunAsync("screen <@UJANE|Jane> sample-backend");

        Assert.False(second.Succeeded);
        Assert.Contains("already has a screen in progress", second.Text, StringComparison.Ordinal);
        Assert.Equal(2, _channel.Sent.Count);
    }

    [Fact]
    public async Task Invite_CandidateUnreachable_StartsNothingAndSaysWhy()
    {
        _channel.SendFailure = new ChannelDeliveryException("the app is not installed for Jane");

        var response = await RunAsync("screen <@UJANE|Jane> sample-backend");

        Assert.False(response.Succeeded);
        Assert.Contains("the app is not installed for Jane", response.Text, StringComparison.Ordinal);
        var interview = Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
        Assert.Equal(InterviewStatus.Cancelled, interview.Status);
        _channel.SendFailure = null;
        Assert.True((await RunAsync("screen <@UJANE|Jane> sample-backend")).Succeeded);
    }

    [Fact]
    public async Task Invite_MentionWithoutId_AsksForARealMention()
    {
        var response = await RunAsync("screen @jane sample-backend");

        Assert.False(response.Succeeded);
        Assert.Contains("Pick them from the mention list", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusAndReportAndShortlist_AfterAFinishedScreen_ShowTheScorecard()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");
        const string Strong = "I designed a billing API with cursor pagination and idempotency keys; p95 stayed under 80 ms.";
        await FinishInterviewAsync("slack:dm-UJANE", "yes", "5", "now", Strong, "I was on-call for the outage and wrote the postmortem; we now detect it in 2 minutes.", Strong, Strong, Strong);

        var status = await RunAsync("status");
        var report = await RunAsync("report <@UJANE|Jane>");
        var shortlist = await RunAsync("shortlist sample-backend");

        Assert.Contains("Jane, `sample-backend`: Completed", status.Text, StringComparison.Ordinal);
        Assert.NotNull(report.Scorecard);
        Assert.Equal("Jane", report.Scorecard.CandidateName);
        Assert.Contains("1. Jane: *", shortlist.Text, StringComparison.Ordinal);
        Assert.Single(_publisher.Posted);
    }

    [Fact]
    public async Task Answers_AboutACandidateWithAHostileName_ShowTheNameAsTypedAndInertOnTeamsAndSlack()
    {
        const string Hostile = "Mallory " + Rendering.ScorecardFixtures.Payload;
        const string Tag = "<at>Mallory</at>";
        var sut = CreateSut();
        Task<CommandResponse> Run(string text) =>
            sut.ExecuteAsync(RecruiterCommandParser.Parse(text.Replace("@m", Tag, StringComparison.Ordinal), [(Tag, new Mention("UMAL", Hostile))]), Recruiter, CancellationToken.None);
        const string Strong = "I designed a billing API with cursor pagination and idempotency keys; p95 stayed under 80 ms.";

        var answers = new List<CommandResponse> { await Run("screen @m sample-backend"), await Run("report @m") };
        await FinishInterviewAsync("slack:dm-UMAL", "yes", "5", "now", Strong, "I was on-call for the outage and wrote the postmortem; we now detect it in 2 minutes.", Strong, Strong, Strong);
        foreach (var command in new[] { "status @m", "status", "shortlist", "reject @m " + Rendering.ScorecardFixtures.Payload, "note @m " + Rendering.ScorecardFixtures.Payload, "report @m", "feedback @m", "forget @m confirm" })
        {
            answers.Add(await Run(command));
        }

        Assert.All(answers, a => InertReplies.AssertInertEverywhere(a, Hostile));
        Assert.Contains("Reason: " + Rendering.ScorecardFixtures.Payload, answers[^3].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InProgress_SaysItIsStillGoing()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");

        var response = await RunAsync("report <@UJANE|Jane>");

        Assert.Null(response.Scorecard);
        Assert.Contains("still going", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancel_ActiveScreen_CancelsAndTellsTheCandidate()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");

        var response = await RunAsync("cancel <@UJANE|Jane>");

        Assert.Contains("Cancelled Jane's screen", response.Text, StringComparison.Ordinal);
        Assert.Contains("closed this screen", _channel.Sent[^1].Reply.Text, StringComparison.Ordinal);
        var result = await _service.HandleMessageAsync("slack:dm-UJANE", new IncomingMessage("yes"), CancellationToken.None);
        Assert.Equal(InterviewTurnStatus.AlreadyEnded, result.Status);
    }

    [Fact]
    public async Task Forget_WithoutConfirm_DeletesNothingAndExplains()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");

        var response = await RunAsync("forget <@UJANE|Jane>");

        Assert.Contains("forget @Jane confirm", response.Text, StringComparison.Ordinal);
        Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Forget_Confirmed_ErasesInterviewsTranscriptsAndReports()
    {
        await RunAsync("screen <@UJANE|Jane> sample-backend");
        await FinishInterviewAsync("slack:dm-UJANE", "yes", "1");
        var id = (await _interviews.ListAsync(InterviewQuery.All, 1, CancellationToken.None))[0].Id;

        var response = await RunAsync("forget <@UJANE|Jane> confirm");

        Assert.StartsWith("Deleted everything stored for @Jane: 1 screen, ", response.Text, StringComparison.Ordinal);
        Assert.Contains("1 scorecard", response.Text, StringComparison.Ordinal);
        Assert.Empty(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
        Assert.Empty(await _transcripts.ReadAsync(id, CancellationToken.None));
        Assert.Null(await _reports.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task Help_IsOpenToEveryone()
    {
        var response = await RunAsync("help", Recruiter with { Recruiter = new Participant("UANY", "Any") });

        Assert.Contains("/screen screen @candidate profile-id", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Profiles_ListsLoadedProfiles()
    {
        var response = await RunAsync("profiles");

        Assert.Contains("`sample-backend`: Backend Developer (about 30 minutes, 2 knockouts, 2 questions, 1 deep-dive)", response.Text, StringComparison.Ordinal);
    }

    private static readonly InterviewLinkOptions LinksOn = new() { BaseUrl = "https://screening.example.com", SigningKey = new string('k', 40) };

    [Fact]
    public async Task InviteByLink_LinksOff_SaysExactlyWhatToSet()
    {
        var response = await RunAsync("screen jane@example.com sample-backend");

        Assert.False(response.Succeeded);
        Assert.Equal(InterviewLinkInvitations.SettingsNeeded, response.Text);
        Assert.Contains("`InterviewLinks:BaseUrl`", response.Text, StringComparison.Ordinal);
        Assert.Contains("`InterviewLinks:SigningKey`", response.Text, StringComparison.Ordinal);
        Assert.Empty(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task InviteByLink_StartsTheScreenOnItsOwnLinkAndAnswersWithTheLink()
    {
        var sut = CreateSut(LinksOn);

        var response = await RunAsync("screen jane.doe@example.com sample-backend", sut: sut);

        Assert.True(response.Succeeded, response.Text);
        var interview = Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
        Assert.Equal(InterviewLinkChannel.ChannelId, interview.CandidateConversation.ChannelId);
        Assert.True(InterviewLinkIds.IsLinkId(interview.CandidateConversation.ConversationId));
        Assert.Equal(LinkCandidates.CandidateIdOf("jane.doe@example.com"), interview.Candidate.Id);
        Assert.Equal("Jane Doe", interview.Candidate.Name);
        Assert.Equal("C-HIRING", interview.HiringConversation!.ConversationId);
        Assert.Contains($"Invited Jane Doe (jane.doe@example.com) to the *Backend Developer* screen (`{interview.Id}`)", response.Text, StringComparison.Ordinal);
        Assert.Contains($"`https://screening.example.com/interview/{interview.CandidateConversation.ConversationId}.{interview.Candidate.Id}.", response.Text, StringComparison.Ordinal);
        Assert.Contains("works until Monday 30 November at 09:00 UTC", response.Text, StringComparison.Ordinal);
        Assert.Contains("I'll greet them as Jane Doe", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("jane.doe@example.com", interview.Candidate.Id, StringComparison.Ordinal);
        // Nothing is sent anywhere: the candidate reads the welcome on the page, from the transcript.
        Assert.Empty(_channel.Sent);
        Assert.Contains((await _transcripts.ReadAsync(interview.Id, CancellationToken.None)), t => t.Text.StartsWith("Hi Jane!", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InviteByLink_SameAddressAgain_GivesTheSameLinkInsteadOfASecondScreen()
    {
        var sut = CreateSut(LinksOn);
        var first = await RunAsync("screen \"Jane Q. Doe\" <mailto:jane@example.com|jane@example.com> sample-backend", sut: sut);

        var second = await RunAsync("screen JANE@example.com sample-backend", sut: sut);

        Assert.False(second.Succeeded);
        Assert.Contains("already has a *Backend Developer* screen in progress", second.Text, StringComparison.Ordinal);
        Assert.Equal(LinkOf(first.Text), LinkOf(second.Text));
        var interview = Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
        Assert.Equal("Jane Q. Doe", interview.Candidate.Name);
        Assert.DoesNotContain("greet them as", first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkCandidate_StatusCancelAndForget_FindThemByEmailOrName()
    {
        var sut = CreateSut(LinksOn);
        await RunAsync("screen \"Ada Lovelace\" ada@example.com sample-backend", sut: sut);
        var interview = Assert.Single(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));

        var byEmail = await RunAsync("status ada@example.com", sut: sut);
        var byName = await RunAsync("status \u201Cada lovelace\u201D", sut: sut);
        var cancelled = await RunAsync("cancel \"Ada Lovelace\"", sut: sut);
        var confirm = await RunAsync("forget ada@example.com", sut: sut);
        var forgotten = await RunAsync("forget ada@example.com confirm", sut: sut);

        Assert.StartsWith("*Screens of ada@example.com*\n• Ada Lovelace, `sample-backend`: not started, consent, started ", byEmail.Text, StringComparison.Ordinal);
        Assert.EndsWith($" ago by link (`{interview.Id}`)", byEmail.Text, StringComparison.Ordinal);
        Assert.Contains(interview.Id, byName.Text, StringComparison.Ordinal);
        Assert.Equal($"Cancelled Ada Lovelace's screen (`{interview.Id}`); their interview link no longer opens it and says the hiring team closed it.", cancelled.Text);
        Assert.Contains("send `/screen forget ada@example.com confirm`", confirm.Text, StringComparison.Ordinal);
        Assert.True(forgotten.Succeeded, forgotten.Text);
        Assert.Empty(await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None));
    }

    [Fact]
    public async Task LinkCandidate_NameSharedByTwoPeople_AsksForTheAddressOrId()
    {
        var sut = CreateSut(LinksOn);
        await RunAsync("screen \"Sam Lee\" sam.lee@example.com sample-backend", sut: sut);
        await RunAsync("screen \"Sam Lee\" slee@example.org sample-backend", sut: sut);

        var status = await RunAsync("status \"Sam Lee\"", sut: sut);
        var forget = await RunAsync("forget \"Sam Lee\" confirm", sut: sut);

        Assert.False(status.Succeeded);
        Assert.StartsWith("2 candidates are called \"Sam Lee\"; name one by email address, mention or interview id:", status.Text, StringComparison.Ordinal);
        Assert.False(forget.Succeeded);
        Assert.Equal(2, (await _interviews.ListAsync(InterviewQuery.All, 10, CancellationToken.None)).Count);
    }

    private static string LinkOf(string text) => System.Text.RegularExpressions.Regex.Match(text, @"https://\S+/interview/[^`\s]+").Value;

    private static Bot.Drafting.ProfileDraftingService DraftingService(OpenAiTestServer? server = null)
    {
        var settings = new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles };
        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), settings).Build();
        if (server is null)
        {
            return new Bot.Drafting.ProfileDraftingService(configuration, null, null, TimeProvider.System, NullLogger<Bot.Drafting.ProfileDraftingService>.Instance);
        }

        var options = Judging.JudgeTestData.OptionsFor(server);
        return new Bot.Drafting.ProfileDraftingService(configuration, Bot.Judging.LlmChatClientFactory.Create(options), options, TimeProvider.System, NullLogger<Bot.Drafting.ProfileDraftingService>.Instance);
    }

    private static string PastedDescription(string file) =>
        "draft-profile backend-payments\n" + File.ReadAllText(Drafting.ProfileDraftLlmTests.Description(file));

    /// <summary>The YAML a recruiter copies out of the answer's code blocks, in order.</summary>
    private static string YamlOf(CommandResponse response) =>
        string.Concat(response.Continuations.SelectMany(m => System.Text.RegularExpressions.Regex.Matches(m, "```\n(.*?)\n```", System.Text.RegularExpressions.RegexOptions.Singleline)).Select(m => m.Groups[1].Value + "\n"));

    [Theory]
    [InlineData("payments-java.txt")]
    [InlineData("go-platform.txt")]
    [InlineData("python-saas-junior.txt")]
    public async Task DraftProfile_RecruiterPastesADescription_AnswersWithAValidDraftInCodeBlocksAndSavesNothing(string file)
    {
        var sut = CreateSut(new InterviewLinkOptions(), DraftingService(), "URECRUIT");

        var response = await RunAsync(PastedDescription(file), sut: sut);

        Assert.True(response.Succeeded, response.Text);
        Assert.Contains("*Draft profile `backend-payments`* by the question bank (no LLM)", response.Text, StringComparison.Ordinal);
        Assert.Contains("*not active*", response.Text, StringComparison.Ordinal);
        Assert.Contains("\n• knockouts: copied from backend-", response.Text, StringComparison.Ordinal);
        Assert.Contains("save the YAML below as `profiles/backend-payments.yaml`", response.Text, StringComparison.Ordinal);
        Assert.InRange(response.Continuations.Count, 1, Bot.Commands.ProfileDraftReply.MaxMessages);
        Assert.All(response.Continuations, m => Assert.True(m.Length <= Bot.Commands.ProfileDraftReply.MessageCharacters, $"{m.Length} characters"));
        var result = ProfileLoader.Parse(YamlOf(response), "profiles/backend-payments.yaml", TestProfiles.Catalog.Bank);
        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.All(result.Profile!.Knockouts, k => Assert.Null(Bot.Drafting.ProtectedCharacteristics.Find(k.Question)));
        Assert.False(File.Exists(Path.Combine(RepositoryPaths.Profiles, "backend-payments.yaml")));
    }

    [Fact]
    public async Task DraftProfile_WithTheLlmAndAMaliciousReply_AnswersWithAValidDraftWithoutProtectedKnockouts()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        server.Enqueue(Drafting.DraftProposals.Malicious());
        var sut = CreateSut(new InterviewLinkOptions(), DraftingService(server), "URECRUIT");

        var response = await RunAsync(PastedDescription("python-saas-junior.txt"), sut: sut);

        Assert.True(response.Succeeded, response.Text);
        Assert.Contains("by the LLM (test-model) and the question bank", response.Text, StringComparison.Ordinal);
        Assert.Contains("knockouts: refused the LLM's \"Are you under 35 years old?\"", response.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", response.Text + string.Concat(response.Continuations), StringComparison.Ordinal);
        var profile = ProfileLoader.Parse(YamlOf(response), "profiles/backend-payments.yaml", TestProfiles.Catalog.Bank).Profile;
        Assert.NotNull(profile);
        Assert.Equal(["legal-right"], profile.Knockouts.Select(k => k.Id));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task DraftProfile_NotARecruiter_IsRefusedWithoutDrafting()
    {
        await using var server = await OpenAiTestServer.StartAsync();
        var sut = CreateSut(new InterviewLinkOptions(), DraftingService(server), "USOMEONEELSE");

        var response = await RunAsync(PastedDescription("go-platform.txt"), sut: sut);

        Assert.False(response.Succeeded);
        Assert.Contains("only recruiters can run screening commands", response.Text, StringComparison.Ordinal);
        Assert.Empty(response.Continuations);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DraftProfile_IdOfALiveProfile_IsRefused()
    {
        var sut = CreateSut(new InterviewLinkOptions(), DraftingService(), "URECRUIT");

        var response = await RunAsync("draft-profile sample-backend\n" + new string('x', 50) + " Senior backend engineer wanted for our payments platform team.", sut: sut);

        Assert.False(response.Succeeded);
        Assert.Contains("A profile `sample-backend` (Backend Developer) already exists, and a draft never replaces a live profile", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DraftProfile_DraftingNotRegistered_SaysHowToUseTheCli()
    {
        var response = await RunAsync(PastedDescription("go-platform.txt"));

        Assert.False(response.Succeeded);
        Assert.Contains("profile draft --from jd.txt --id backend-payments", response.Text, StringComparison.Ordinal);
    }
}
