using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Tests.Commands;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>advance / reject / hold / note typed as commands: recruiter-only, history kept, the posted card refreshed, shown in status and report.</summary>
public sealed class DecisionCommandTests
{
    private static readonly ConversationAddress Hiring = new() { ChannelId = "slack", ConversationId = "C-HIRING" };
    private static readonly CommandContext Recruiter = new("slack", new Participant("URECRUIT", "Rita"), Hiring, "/screen");
    private static readonly CommandContext OtherRecruiter = Recruiter with { Recruiter = new Participant("UOTHER", "Omar") };

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly InMemoryInterviewStore _interviews = new();
    private readonly InMemoryReportStore _reports = new();
    private readonly InMemoryDecisionStore _decisions = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly RecordingConversationChannel _channel = new();
    private bool _candidateFeedback;

    [Fact]
    public async Task Advance_ByARecruiter_IsStoredAndRefreshesThePostedCard()
    {
        await SeedAsync();

        var response = await RunAsync("advance iv-abcdefghijklmnopqrst");

        Assert.True(response.Succeeded, response.Text);
        Assert.Contains("*Advanced*: Jane Doe", response.Text, StringComparison.Ordinal);
        var history = await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
        var current = Assert.Single(history.Entries);
        Assert.Equal(HiringDecision.Advance, current.Decision);
        Assert.Equal("URECRUIT", current.ById);
        Assert.Equal(_time.GetUtcNow(), current.At);
        var update = Assert.Single(_channel.Updates);
        Assert.Equal(new ScorecardMessage(Hiring, "posted-ts-1"), update.Message);
        Assert.Equal(HiringDecision.Advance, update.Decisions.Current?.Decision);
    }

    [Fact]
    public async Task Decisions_AreAuditedWithoutTheirReason_AndCountForTheAdverseImpactReport()
    {
        await SeedAsync();
        await RunAsync("reject iv-abcdefghijklmnopqrst salary far above the band");
        _time.Advance(TimeSpan.FromMinutes(5));
        await RunAsync("note iv-abcdefghijklmnopqrst strong on queues");
        _time.Advance(TimeSpan.FromMinutes(5));
        await RunAsync("advance iv-abcdefghijklmnopqrst", OtherRecruiter);

        var decided = (await _audit.ReadAsync(0, 100, CancellationToken.None))
            .Select(r => Dialogs.Compliance.AuditChain.Parse(r)!.Event)
            .Where(e => e.Action == AuditAction.Decided)
            .ToArray();
        Assert.Equal(["recruiter:URECRUIT", "recruiter:UOTHER"], decided.Select(e => e.Actor));
        Assert.All(decided, e => Assert.Equal(DecisionTestData.InterviewId, e.InterviewId));
        Assert.Equal(["reject (command)", "advance (command)"], decided.Select(e => e.Detail));
        Assert.True(await new RecordedHumanDecisions(_decisions).WasAdvancedAsync(DecisionTestData.InterviewId, CancellationToken.None));
    }

    [Fact]
    public async Task RecordedHumanDecisions_HoldAndNoDecision_AreUndecided_RejectIsNotAdvanced()
    {
        await SeedAsync();
        var source = new RecordedHumanDecisions(_decisions);
        Assert.Null(await source.WasAdvancedAsync(DecisionTestData.InterviewId, CancellationToken.None));

        await RunAsync("hold iv-abcdefghijklmnopqrst");
        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await source.WasAdvancedAsync(DecisionTestData.InterviewId, CancellationToken.None));

        await RunAsync("reject iv-abcdefghijklmnopqrst");
        Assert.False(await source.WasAdvancedAsync(DecisionTestData.InterviewId, CancellationToken.None));
    }

    [Fact]
    public async Task Reject_AfterAdvance_KeepsTheEarlierDecisionAndTheReason()
    {
        await SeedAsync();
        await RunAsync("advance iv-abcdefghijklmnopqrst");
        _time.Advance(TimeSpan.FromHours(2));

        var response = await RunAsync("reject iv-abcdefghijklmnopqrst salary expectations far above the band", OtherRecruiter);

        Assert.Contains("(was advanced)", response.Text, StringComparison.Ordinal);
        var history = await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
        Assert.Equal([HiringDecision.Advance, HiringDecision.Reject], history.Entries.Select(e => e.Decision!.Value));
        Assert.Equal("salary expectations far above the band", history.Current!.Text);
        Assert.Equal("Omar", history.Current.By);
        Assert.Equal(2, _channel.Updates.Count);
    }

    [Fact]
    public async Task Advance_Twice_RecordsOnceAndSaysWhoDecided()
    {
        await SeedAsync();
        await RunAsync("advance iv-abcdefghijklmnopqrst");

        var response = await RunAsync("advance iv-abcdefghijklmnopqrst", OtherRecruiter);

        Assert.Contains("already *advanced* (Rita", response.Text, StringComparison.Ordinal);
        Assert.Single((await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Decide_BySomeoneNotARecruiter_IsRefusedAndNothingIsStored()
    {
        await SeedAsync();

        var response = await RunAsync("reject iv-abcdefghijklmnopqrst", Recruiter with { Recruiter = new Participant("USTRANGER", "Sam") });

        Assert.False(response.Succeeded);
        Assert.Contains("only recruiters", response.Text, StringComparison.Ordinal);
        Assert.Empty((await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Entries);
        Assert.Empty(_channel.Updates);
    }

    [Fact]
    public async Task Decide_OnAScreenStillGoing_IsRefused()
    {
        await _interviews.CreateAsync(Storage.StorageTestData.Interview(DecisionTestData.InterviewId), CancellationToken.None);

        var response = await RunAsync("hold iv-abcdefghijklmnopqrst");

        Assert.False(response.Succeeded);
        Assert.Contains("still going", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decide_UnknownScreen_SaysNoneWasFound()
    {
        var response = await RunAsync("advance iv-zzzzzzzzzzzzzzzzzzzz");

        Assert.False(response.Succeeded);
        Assert.Contains("found no screen", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Note_ShowsInTheReportWithTheDecision()
    {
        await SeedAsync();
        await RunAsync("hold iv-abcdefghijklmnopqrst waiting for the second panel");
        await RunAsync("note iv-abcdefghijklmnopqrst strong on queues; probe testing <b>next</b>");

        var report = await RunAsync("report iv-abcdefghijklmnopqrst");

        Assert.Contains("*Decision:* On hold by Rita on 2026-11-23 09:00 UTC", report.Text, StringComparison.Ordinal);
        Assert.Contains("Reason: waiting for the second panel", report.Text, StringComparison.Ordinal);
        Assert.Contains("Note from Rita (2026-11-23 09:00 UTC): strong on queues; probe testing <b>next</b>", report.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ShowsTheCurrentDecision()
    {
        await SeedAsync();
        await RunAsync("reject iv-abcdefghijklmnopqrst");

        var status = await RunAsync("status iv-abcdefghijklmnopqrst");

        Assert.Contains("*Rejected* by Rita", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forget_ErasesTheDecisionHistoryToo()
    {
        await SeedAsync();
        await RunAsync("reject iv-abcdefghijklmnopqrst not a fit");

        await RunAsync("forget iv-abcdefghijklmnopqrst confirm");

        Assert.Empty((await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Note_WithoutText_ShowsUsage()
    {
        var response = await RunAsync("note iv-abcdefghijklmnopqrst");

        Assert.False(response.Succeeded);
        Assert.Contains("Usage: `note @candidate text`", response.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shortlist_RanksByRecommendationThenScoreThenConfidence_AndShowsDecisions()
    {
        await SeedAsync("iv-aaaaaaaaaaaaaaaaaaaa", "Ana", 90, Dialogs.Scoring.Recommendation.Yes, 0.50);
        await SeedAsync("iv-bbbbbbbbbbbbbbbbbbbb", "Ben", 86, Dialogs.Scoring.Recommendation.StrongYes, 0.60);
        await SeedAsync("iv-cccccccccccccccccccc", "Cleo", 90, Dialogs.Scoring.Recommendation.Yes, 0.90);
        await SeedAsync("iv-dddddddddddddddddddd", "Dan", 95, Dialogs.Scoring.Recommendation.Maybe, 0.95);
        await SeedAsync("iv-eeeeeeeeeeeeeeeeeeee", "Eve", 99, Dialogs.Scoring.Recommendation.StrongYes, 0.99, profileId: "frontend");
        await RunAsync("advance iv-cccccccccccccccccccc");

        var all = await RunAsync("shortlist backend-senior");
        var top2 = await RunAsync("shortlist backend-senior top 2");

        var lines = all.Text.Split('\n').Skip(1).ToArray();
        Assert.Equal(["1. Ben", "2. Cleo", "3. Ana", "4. Dan"], lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("*Advanced* by Rita", lines[1], StringComparison.Ordinal);
        Assert.EndsWith("· undecided", lines[0], StringComparison.Ordinal);
        Assert.Contains("top 2 of 4", top2.Text, StringComparison.Ordinal);
        Assert.Equal(3, top2.Text.Split('\n').Length);
    }

    [Fact]
    public async Task Decide_ShowsTheRecruiterTheCandidateFeedback_AndSendsNothing()
    {
        await SeedForFeedbackAsync();

        var response = await RunAsync("advance " + DecisionTestData.InterviewId);

        Assert.Contains("Feedback Jane Doe would get (not sent):\n> Hello Jane, thank you for completing the screening chat for the Backend Developer role. The team would like to move your application to the next stage", response.Text, StringComparison.Ordinal);
        Assert.Contains($"`/screen feedback {DecisionTestData.InterviewId} send`", response.Text, StringComparison.Ordinal);
        Assert.Empty(_channel.Sent);
    }

    [Fact]
    public async Task FeedbackSend_ProfileEnablesEvidence_SendsStrengthsAndAreasOnceToTheCandidate_NeverScores()
    {
        _candidateFeedback = true;
        await SeedForFeedbackAsync();
        await RunAsync("reject " + DecisionTestData.InterviewId + " salary far above the band");

        var preview = await RunAsync("feedback " + DecisionTestData.InterviewId);
        var sent = await RunAsync("feedback " + DecisionTestData.InterviewId + " send");
        var again = await RunAsync("feedback " + DecisionTestData.InterviewId + " send");

        Assert.True(sent.Succeeded, sent.Text);
        var (address, reply) = Assert.Single(_channel.Sent);
        Assert.Equal("dm-" + DecisionTestData.InterviewId, address.ConversationId);
        Assert.Contains(reply.Text.Split("\n\n")[0], preview.Text, StringComparison.Ordinal);
        Assert.Equal(
            "Hello Jane, thank you for the time you gave to the screening chat for the Backend Developer role. After reviewing it, the team has decided not to take your application further this time.\n\n" +
            "What came across well in your answers: Observability, API design and Caching.\n\n" +
            "Where more depth would help you in conversations like this: SQL tuning.\n\n" +
            "We wish you every success in your search.",
            reply.Text);
        Assert.DoesNotContain("salary", reply.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("78", reply.Text, StringComparison.Ordinal);
        Assert.False(again.Succeeded);
        Assert.Contains("already went to Jane Doe", again.Text, StringComparison.Ordinal);
        var history = await _decisions.GetAsync(DecisionTestData.InterviewId, CancellationToken.None);
        Assert.Single(history.Notes, n => n.Source == DecisionService.FeedbackSource);
    }

    [Fact]
    public async Task FeedbackSend_ProfileWithoutEvidence_GivesTheOutcomeOnly_AndANewDecisionMaySendAgain()
    {
        await SeedForFeedbackAsync();
        await RunAsync("hold " + DecisionTestData.InterviewId);
        await RunAsync("feedback " + DecisionTestData.InterviewId + " send");
        _time.Advance(TimeSpan.FromDays(2));
        await RunAsync("advance " + DecisionTestData.InterviewId);
        await RunAsync("feedback " + DecisionTestData.InterviewId + " send");

        Assert.Equal(2, _channel.Sent.Count);
        Assert.Contains("still reviewing applications", _channel.Sent[0].Reply.Text, StringComparison.Ordinal);
        Assert.Contains("next stage", _channel.Sent[1].Reply.Text, StringComparison.Ordinal);
        Assert.All(_channel.Sent, s => Assert.DoesNotContain("came across well", s.Reply.Text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feedback_BeforeAnyDecision_OrByANonRecruiter_IsRefusedAndNothingIsSent()
    {
        await SeedForFeedbackAsync();

        var undecided = await RunAsync("feedback " + DecisionTestData.InterviewId + " send");
        await RunAsync("advance " + DecisionTestData.InterviewId);
        var stranger = await RunAsync("feedback " + DecisionTestData.InterviewId + " send", Recruiter with { Recruiter = new Participant("USTRANGER", "Sam") });

        Assert.False(undecided.Succeeded);
        Assert.Contains("Nobody has decided on Jane Doe yet", undecided.Text, StringComparison.Ordinal);
        Assert.False(stranger.Succeeded);
        Assert.Empty(_channel.Sent);
    }

    [Theory]
    [InlineData("shortlist top", "`top` takes a number")]
    [InlineData("shortlist top zero", "`top` takes a number")]
    [InlineData("shortlist a b", "Usage: `shortlist [profile-id] [top N]`")]
    public async Task Shortlist_BadArguments_ShowUsage(string command, string expected)
    {
        var response = await RunAsync(command);

        Assert.False(response.Succeeded);
        Assert.Contains(expected, response.Text, StringComparison.Ordinal);
    }

    private Task<Interview> SeedAsync(string id, string name, int score, Dialogs.Scoring.Recommendation recommendation, double confidence, string profileId = "backend-senior") =>
        DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "ts-" + id, id, "U-" + name, name, score, recommendation, confidence, profileId);

    private Task<Interview> SeedAsync() => DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-ts-1");

    /// <summary>A finished screen of the sample profile whose scorecard shows three clear strengths, one thin area and one skill not discussed.</summary>
    private async Task SeedForFeedbackAsync()
    {
        await DecisionTestData.SeedFinishedAsync(_interviews, _reports, Hiring, "posted-ts-1", profileId: SampleProfiles.Backend.Id);
        var stored = (await _reports.GetAsync(DecisionTestData.InterviewId, CancellationToken.None))!;
        var scorecard = stored.Scorecard with
        {
            RequiredSkills = [new("api", "API design", 8.5, "q"), new("cache", "Caching", 7.2, "q"), new("sql", "SQL tuning", 3, "q"), new("mq", "Messaging", 0, null)],
            PreferredSkills = [new("obs", "Observability", 9, "q")],
        };
        await _reports.SaveAsync(stored with { Scorecard = scorecard }, CancellationToken.None);
    }

    private Task<CommandResponse> RunAsync(string text, CommandContext? context = null) =>
        CreateSut().ExecuteAsync(RecruiterCommandParser.Parse(text), context ?? Recruiter, CancellationToken.None);

    private RecruiterCommandService CreateSut()
    {
        var options = new ScreeningOptions();
        options.Recruiters.Add("URECRUIT");
        options.Recruiters.Add("UOTHER");
        var links = new ReportLinks(Options.Create(new ReportOptions()), _time);
        var router = new ChannelRouter([_channel], links, NullLogger<ChannelRouter>.Instance);
        var profiles = new StaticProfileSource(SampleProfiles.Backend with { CandidateFeedback = _candidateFeedback });
        var transcripts = new InMemoryTranscriptStore();
        var jobs = new InMemoryJobQueue(_time);
        var dialog = new ScreeningDialog(new ScriptedJudge(), _time, new InterviewOptions(), NullLogger<ScreeningDialog>.Instance);
        var service = new InterviewService(profiles, _interviews, transcripts, jobs, dialog, _time, NullLogger<InterviewService>.Instance);
        var scoring = new Dialogs.Scoring.ScoringJobHandler(_interviews, transcripts, _reports, new InMemoryProcessedMessageLedger(_time), profiles, new RecordingPublisher(), _time, NullLogger<Dialogs.Scoring.ScoringJobHandler>.Instance);
        var audit = new Bot.Compliance.AuditTrail(_audit, _time, NullLogger<Bot.Compliance.AuditTrail>.Instance);
        var selfIdentifications = new InMemorySelfIdentificationStore();
        var posted = new InMemoryPostedMessageStore();
        var data = new CandidateDataService(_interviews, transcripts, _reports, selfIdentifications, posted);
        var exporter = new Dialogs.Compliance.CandidateExporter(_interviews, transcripts, _reports, selfIdentifications, posted, _audit, _time);
        var rights = new Bot.Compliance.CandidateRightsService(data, exporter, posted, router, audit, NullLogger<Bot.Compliance.CandidateRightsService>.Instance);
        var impact = new Dialogs.Compliance.AdverseImpactReporter(selfIdentifications, _reports, new RecordedHumanDecisions(_decisions));
        var webhooks = new WebhookPublisher(jobs, _reports, new ScreenExporter(_interviews, _reports, _decisions, links), Options.Create(new WebhookOptions()), _time, NullLogger<WebhookPublisher>.Instance);
        var decisions = new DecisionService(_reports, _decisions, router, audit, webhooks, profiles, _time, NullLogger<DecisionService>.Instance);
        var invitations = new InterviewLinkInvitations(service, _interviews, new InterviewLinkTokens(Options.Create(new InterviewLinkOptions()), _time));
        return new RecruiterCommandService(
            service, router, _interviews, _reports, rights, impact, audit, scoring, links, decisions, new Bot.Decisions.ExportLinks(Options.Create(new ReportOptions()), _time), invitations,
            Options.Create(options), Options.Create(new Bot.Compliance.ComplianceOptions()), _time, NullLogger<RecruiterCommandService>.Instance);
    }
}
