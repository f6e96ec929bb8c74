using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ScreeningBot.Bot.Channels;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Telemetry;
using ScreeningBot.Bot.Turns;
using ScreeningBot.Dialogs.Localization;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Turns;

/// <summary>
/// The turn host with a fake channel: redeliveries, storage outages, senders who are not the candidate, stale buttons and
/// routing between candidate and recruiter, for any channel (the Bot Framework and Slack adapters only translate).
/// </summary>
public sealed class TurnHostTests
{
    private const string Jane = "UJANE";
    private const string JaneChat = "dm-jane";

    [Fact]
    public async Task Run_SameDeliveryTwice_RunsOnceAndAnswersOnce()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var consent = sut.Message(JaneChat, Jane, "yes");
        var first = new RecordingTurnReplies();
        var second = new RecordingTurnReplies();

        var results = new[] { await sut.Host.RunAsync(consent, first, CancellationToken.None), await sut.Host.RunAsync(consent, second, CancellationToken.None) };

        Assert.Equal([TurnResult.Completed, TurnResult.Duplicate], results);
        Assert.Contains(first.Texts, t => t.Contains(CandidateLanguages.English.Texts.ConsentGiven, StringComparison.Ordinal));
        Assert.Empty(second.Sent);
        Assert.Equal(["yes"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_MessagesOfAnInterview_NeverReadNorWriteTheLedger()
    {
        // The interview keeps the ids of the messages it took, in the same save as the turn: the ledger would be two more calls.
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var consent = sut.Message(JaneChat, Jane, "yes");

        var results = new[]
        {
            await sut.Host.RunAsync(consent, new RecordingTurnReplies(), CancellationToken.None),
            await sut.Host.RunAsync(sut.Message(JaneChat, Jane, "5"), new RecordingTurnReplies(), CancellationToken.None),
            await sut.Host.RunAsync(consent, new RecordingTurnReplies(), CancellationToken.None),
        };

        Assert.Equal([TurnResult.Completed, TurnResult.Completed, TurnResult.Duplicate], results);
        Assert.Equal(0, sut.Ledger.Lookups);
        Assert.Equal(0, sut.Ledger.Records);
        Assert.Equal(["yes", "5"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_MessageNoInterviewTakesDeliveredTwice_TheLedgerAnswersItOnce()
    {
        await using var sut = new TurnTestHost();
        var hello = sut.Message("dm-stranger", "USTRANGER", "hello");
        var first = new RecordingTurnReplies();
        var second = new RecordingTurnReplies();

        var results = new[] { await sut.Host.RunAsync(hello, first, CancellationToken.None), await sut.Host.RunAsync(hello, second, CancellationToken.None) };

        Assert.Equal([TurnResult.Completed, TurnResult.Duplicate], results);
        Assert.Equal([TurnText.NoScreen], first.Texts);
        Assert.Empty(second.Sent);
        Assert.Equal(2, sut.Ledger.Lookups);
        Assert.Equal(1, sut.Ledger.Records);
    }

    [Fact]
    public async Task Run_OlderMessageRedeliveredAfterNewerOnes_IsDroppedEvenWhenTheLedgerForgotIt()
    {
        // Out of order: the consent arrives again after the next answer (another instance took it, or its ledger entry expired).
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var consent = sut.Message(JaneChat, Jane, "yes");
        await sut.Host.RunAsync(consent, new RecordingTurnReplies(), CancellationToken.None);
        await sut.Host.RunAsync(sut.Message(JaneChat, Jane, "5"), new RecordingTurnReplies(), CancellationToken.None);
        sut.Ledger.Forget();
        var late = new RecordingTurnReplies();

        var result = await sut.Host.RunAsync(consent, late, CancellationToken.None);

        Assert.Equal(TurnResult.Duplicate, result);
        Assert.Empty(late.Sent);
        Assert.Equal(["yes", "5"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_HostStopsMidTurn_RethrowsAndCountsTheTurnCancelledNotFailed()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        using var turns = new MetricCollector<long>(sut.Meters, ScreeningBotTelemetry.Name, "screeningbot.turns");
        var key = TurnTestHost.Conversation(JaneChat).Key;
        var entered = sut.Interviews.Entered.Count;
        sut.Interviews.Hold(key);
        using var stopping = new CancellationTokenSource();
        var replies = new RecordingTurnReplies();

        var running = sut.Host.RunAsync(sut.Message(JaneChat, Jane, "yes"), replies, stopping.Token);
        await sut.Interviews.WaitForEnteredAsync(entered + 1);
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var counted = Assert.Single(turns.GetMeasurementSnapshot());
        Assert.Equal("cancelled", counted.Tags[ScreeningBotTelemetry.Tags.Outcome]);
        Assert.Empty(replies.Sent);
        sut.Interviews.Release(key);
        Assert.Empty(await sut.CandidateLinesAsync(JaneChat)); // not taken, so a redelivery runs it
    }

    [Fact]
    public async Task Run_StorageDown_ApologizesWithTheOneWordingAndTheRetryRuns()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var consent = sut.Message(JaneChat, Jane, "yes");
        sut.Interviews.FailingFinds = 1;
        var refused = new RecordingTurnReplies();
        var retried = new RecordingTurnReplies();

        var first = await sut.Host.RunAsync(consent, refused, CancellationToken.None);
        var again = await sut.Host.RunAsync(consent, retried, CancellationToken.None);

        Assert.Equal(TurnResult.Apologized, first);
        Assert.Equal([TurnText.StorageDown], refused.Texts);
        Assert.Equal(TurnResult.Completed, again);
        Assert.Contains(retried.Texts, t => t.Contains(CandidateLanguages.English.Texts.ConsentGiven, StringComparison.Ordinal));
        Assert.Equal(["yes"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_StorageDownWhileRepliesAreBuffered_SendsNothingAndAsksForARetry()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        sut.Interviews.FailingFinds = 1;
        var replies = new RecordingTurnReplies(buffered: true);

        var result = await sut.Host.RunAsync(sut.Message(JaneChat, Jane, "yes"), replies, CancellationToken.None);

        Assert.Equal(TurnResult.NotProcessed, result);
        Assert.Empty(replies.Sent);
        Assert.Empty(await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_StorageDownAndTheApologyFailsToo_AsksForARetry()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        sut.Interviews.FailingFinds = 1;
        var replies = new RecordingTurnReplies { Failure = new ChannelDeliveryException("the channel is down as well") };

        var result = await sut.Host.RunAsync(sut.Message(JaneChat, Jane, "yes"), replies, CancellationToken.None);

        Assert.Equal(TurnResult.NotProcessed, result);
    }

    [Fact]
    public async Task Run_StorageDownDuringACommand_AnswersTheRecruiterWithTheSameWording()
    {
        await using var sut = new TurnTestHost();
        sut.Interviews.FailingFinds = 1;
        var replies = new RecordingTurnReplies();
        var command = sut.Message("c-hiring", TurnTestHost.Recruiter, "screen <@UJANE|Jane> sample-backend") with
        {
            Kind = TurnKind.Command,
            Command = RecruiterCommandParser.Parse("screen <@UJANE|Jane> sample-backend"),
        };

        var result = await sut.Host.RunAsync(command, replies, CancellationToken.None);

        Assert.Equal(TurnResult.Apologized, result);
        Assert.Equal(["command: " + TurnText.StorageDown], replies.Sent);
    }

    [Fact]
    public async Task Run_MessageFromSomeoneElseInTheCandidatesConversation_IsRefusedPolitelyAndNotTaken()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var stranger = new RecordingTurnReplies();

        var result = await sut.Host.RunAsync(sut.Message(JaneChat, "UMALLORY", "no"), stranger, CancellationToken.None);

        Assert.Equal(TurnResult.Completed, result);
        Assert.Equal(["notice: " + TurnText.NotTheCandidate], stranger.Sent);
        var interview = await sut.InterviewAsync(JaneChat);
        Assert.False(interview.Record.IsEnded);
        Assert.Equal("consent", interview.Position.Pending?.Prompt.QuestionId);
        Assert.Empty(await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_CandidateKnownByEntraObjectId_IsTheCandidate()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var stored = (await sut.Interviews.Inner.GetAsync((await sut.InterviewAsync(JaneChat)).Id, CancellationToken.None))!;

        // Changed behind the service's back (another instance): its cached copy still has no Entra id, so it must look again.
        await sut.Interviews.Inner.UpdateAsync(stored, stored.Interview with { Candidate = stored.Interview.Candidate with { AadObjectId = "aad-jane" } }, CancellationToken.None);
        var turn = sut.Message(JaneChat, "29:another-id-of-jane", "yes") with { From = new Participant("29:another-id-of-jane", "Jane", "AAD-JANE") };
        var replies = new RecordingTurnReplies();

        await sut.Host.RunAsync(turn, replies, CancellationToken.None);

        Assert.Equal(["yes"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_ClickOnTheButtonOfAnAnsweredQuestion_IsRefusedAsStaleAndNotTaken()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        await sut.Host.RunAsync(sut.Message(JaneChat, Jane, "yes"), new RecordingTurnReplies(), CancellationToken.None);
        var late = new RecordingTurnReplies();

        var result = await sut.Host.RunAsync(sut.Click(JaneChat, Jane, "consent", "no"), late, CancellationToken.None);

        Assert.Equal(TurnResult.Completed, result);
        Assert.Equal(["notice: " + TurnText.StaleClick], late.Sent);
        var interview = await sut.InterviewAsync(JaneChat);
        Assert.Equal(InterviewStatus.InProgress, interview.Status);
        Assert.Equal(["yes"], await sut.CandidateLinesAsync(JaneChat));
    }

    [Fact]
    public async Task Run_ClickOnThePendingQuestionsButton_IsTakenAndMarkedAnsweredBeforeTheReplies()
    {
        await using var sut = new TurnTestHost();
        await sut.StartInterviewAsync(Jane, JaneChat);
        var replies = new RecordingTurnReplies();

        await sut.Host.RunAsync(sut.Click(JaneChat, Jane, "consent", "yes"), replies, CancellationToken.None);

        Assert.Equal("answered", replies.Sent[0]);
        Assert.Contains(replies.Texts, t => t.Contains(CandidateLanguages.English.Texts.ConsentGiven, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_MessageWithoutAScreen_SaysTheBotWillWrite()
    {
        await using var sut = new TurnTestHost();
        var replies = new RecordingTurnReplies();

        await sut.Host.RunAsync(sut.Message("dm-nobody", "UNOBODY", "hello?"), replies, CancellationToken.None);

        Assert.Equal(["reply: " + TurnText.NoScreen], replies.Sent);
    }

    [Fact]
    public async Task Run_RecruiterWritesInTheirOwnChatWithoutAScreen_RunsItAsACommand()
    {
        await using var sut = new TurnTestHost();
        var replies = new RecordingTurnReplies();

        await sut.Host.RunAsync(sut.Message("dm-recruiter", TurnTestHost.Recruiter, "status"), replies, CancellationToken.None);

        Assert.StartsWith("command: Latest screens", Assert.Single(replies.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandFromSomeoneARuleVouchesFor_IsAllowed_AndHelpNeverAsksTheRule()
    {
        var rule = new CountingRule();
        await using var sut = new TurnTestHost(rules: rule);
        var help = new RecordingTurnReplies();
        var status = new RecordingTurnReplies();

        await sut.Host.RunAsync(Command(sut, "UGRACE", "help"), help, CancellationToken.None);
        var askedForHelp = rule.Asked;
        await sut.Host.RunAsync(Command(sut, "UGRACE", "status"), status, CancellationToken.None);

        Assert.Equal(0, askedForHelp);
        Assert.Equal(1, rule.Asked);
        Assert.StartsWith("command: Latest screens", Assert.Single(status.Sent), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CommandFromSomeoneNobodyVouchesFor_IsRefusedWithTheirId()
    {
        await using var sut = new TurnTestHost();
        var replies = new RecordingTurnReplies();

        await sut.Host.RunAsync(Command(sut, "UMALLORY", "status"), replies, CancellationToken.None);

        Assert.Contains("UMALLORY", Assert.Single(replies.Texts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_BotAddedToATeam_WelcomesWithTheChannelsCommandPrefix()
    {
        await using var sut = new TurnTestHost();
        var replies = new RecordingTurnReplies();
        var added = new Turn { Kind = TurnKind.BotAdded, Conversation = TurnTestHost.Conversation("c-team"), From = new Participant("29:admin", "Admin"), CommandPrefix = "@Screener" };

        await sut.Host.RunAsync(added, replies, CancellationToken.None);

        Assert.Equal(["reply: " + TurnText.TeamWelcome("@Screener")], replies.Sent);
    }

    private static Turn Command(TurnTestHost sut, string from, string text) =>
        sut.Message("c-hiring", from, text) with { Kind = TurnKind.Command, Command = RecruiterCommandParser.Parse(text) };

    /// <summary>A recruiter rule that vouches for everyone and counts how often it was asked.</summary>
    private sealed class CountingRule : IRecruiterRule
    {
        public int Asked { get; private set; }

        public ValueTask<bool> VouchesForAsync(Turn turn, CancellationToken cancellationToken)
        {
            Asked++;
            return ValueTask.FromResult(true);
        }
    }
}
