using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing.BotFramework;
using ScreeningBot.Testing.InterviewLinks;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>
/// What a link opens and for how long, over HTTP against the real bot: one candidate's one interview and nothing else (not
/// with a genuine token for someone else, not through <c>/api/messages</c>), pause and resume days apart on two devices,
/// and a link that closes with the screen when the profile's <c>expiryDays</c> run out.
/// </summary>
public sealed class InterviewLinkBoundaryTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly string _profiles = Directory.CreateTempSubdirectory("screeningbot-link-profiles-").FullName;

    public void Dispose() => Directory.Delete(_profiles, recursive: true);

    [Fact]
    public async Task SignedTokenPairingThisLinkWithAnotherCandidate_OpensNothingAndChangesNothing()
    {
        await using var bot = LinkBot.Start();
        var (jane, _) = await bot.InviteAsync("Jane Doe", "jane@example.com");
        var (bob, _) = await bot.InviteAsync("Bob Other", "bob@example.com");
        // Genuinely signed, so only the check that the link's interview is this candidate's stands in the way.
        var crossed = bot.Service<InterviewLinkTokens>().Create(new InterviewLink(jane.CandidateConversation.ConversationId, bob.Candidate.Id, jane.Record.ExpiresAt));
        var intruder = bot.Candidate(LinkBot.BaseUrl + "/interview/" + crossed);

        using var page = await intruder.GetPageAsync();
        using var read = await bot.Client.GetAsync(new Uri(intruder.MessagesPath, UriKind.Relative));
        using var answer = await intruder.PostRawAsync("""{"id":"crossed-0001","choice":"yes","questionId":"consent"}""");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("This link doesn&#39;t open an interview", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.DoesNotContain("Jane", await read.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        foreach (var interview in new[] { jane, bob })
        {
            var stored = await bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None);
            Assert.Equal(InterviewStatus.NotStarted, stored!.Interview.Status);
            var transcript = await bot.Service<ITranscriptStore>().ReadAsync(interview.Id, CancellationToken.None);
            Assert.DoesNotContain(transcript, t => t.Speaker == Speaker.Candidate);
        }
    }

    [Fact]
    public async Task BotFrameworkActivity_NamingALinkConversation_IsRefusedEvenWithAValidToken()
    {
        await using var bot = await TeamsBotHarness.StartAsync(LinkBot.Settings);
        var invitation = await bot.Factory.Services.GetRequiredService<InterviewLinkInvitations>()
            .InviteAsync(new LinkInvitationRequest("backend-senior", "Jane Doe", "jane@example.com", null, null), CancellationToken.None);
        var interview = invitation.Interview!;
        var forged = bot.Activities.PersonalMessage(TeamsUser.Candidate, "yes");
        forged["channelId"] = "link";
        forged["conversation"]!["id"] = interview.CandidateConversation.ConversationId;
        forged["from"]!["id"] = interview.Candidate.Id;

        using var response = await bot.PostAsync(forged);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("channel 'link' is the interview page's", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await bot.Factory.Services.GetRequiredService<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.NotStarted, stored!.Interview.Status);
        // The page, which needs no Bot Framework token, still opens the interview with Bot Framework authentication on.
        var jane = new InterviewLinkClient(bot.Client, invitation.Url!);
        using var page = await jane.GetPageAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("consent", (string?)(await jane.ReadAsync())["prompt"]!["questionId"]);
    }

    [Fact]
    public async Task PauseOnMonday_ResumeOnThursdayOnAnotherDevice_ContinuesWithTheSameQuestion()
    {
        var time = new FakeTimeProvider(Monday);
        await using var bot = LinkBot.Start(configureServices: services => services.AddSingleton<TimeProvider>(time));
        var (interview, link) = await bot.InviteAsync();
        var phone = bot.Candidate(link);
        await phone.ReadAsync();
        await phone.ClickAsync("yes");
        var question = phone.BotTexts.Last();
        var paused = await phone.SendTextAsync("pause");

        time.Advance(TimeSpan.FromDays(3));
        var laptop = bot.Candidate(link);
        var reopened = await laptop.ReadAsync();
        var resumed = await laptop.SendTextAsync("resume");
        var answered = await laptop.SendTextAsync("6");

        Assert.Equal("paused", (string?)paused["state"]);
        Assert.Equal("paused", (string?)reopened["state"]);
        Assert.Null(reopened["prompt"]);
        Assert.Equal(phone.Messages.Select(m => m.ToJsonString()), laptop.Messages.Take(phone.Messages.Count).Select(m => m.ToJsonString()));
        Assert.Equal("open", (string?)resumed["state"]);
        Assert.Equal(question, resumed["messages"]!.AsArray().Where(m => (string?)m!["from"] == "bot").Select(m => (string?)m!["text"]).Last());
        Assert.Equal("6", (string?)answered["messages"]![0]!["text"]);
        Assert.Equal(Monday.AddDays(3), DateTimeOffset.Parse((string)answered["messages"]![0]!["at"]!, CultureInfo.InvariantCulture));
        var stored = await bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.InProgress, stored!.Interview.Status);
    }

    [Fact]
    public async Task ProfileWithExpiryDays_TheLinkWorksUntilThenAndSaysExpiredAfter()
    {
        LinkBot.CopyProfiles(_profiles, yaml => yaml + "\nexpiryDays: 2\n");
        var time = new FakeTimeProvider(Monday);
        await using var bot = LinkBot.Start(
            new Dictionary<string, string?> { ["Screening:ProfilesPath"] = _profiles },
            services => services.AddSingleton<TimeProvider>(time));
        var (interview, link) = await bot.InviteAsync();
        var jane = bot.Candidate(link);

        Assert.Equal(Monday.AddDays(2), interview.Record.ExpiresAt);
        Assert.Equal(Monday.AddDays(2).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), new Uri(link).AbsolutePath.Split('.')[2]);
        time.Advance(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        await jane.ReadAsync();
        await jane.ClickAsync("yes");
        time.Advance(TimeSpan.FromSeconds(1));
        using var page = await jane.GetPageAsync();
        using var answer = await jane.PostRawAsync(new JsonObject { ["id"] = "too-late-01", ["text"] = "6", ["after"] = jane.Cursor }.ToJsonString());

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This interview link has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, answer.StatusCode);
        Assert.Equal("expired", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["reason"]);
        var transcript = await bot.Service<ITranscriptStore>().ReadAsync(interview.Id, CancellationToken.None);
        Assert.Equal(["yes"], transcript.Where(t => t.Speaker == Speaker.Candidate).Select(t => t.Text));
    }

    [Fact]
    public async Task GermanProfile_ThePageStateSaysSoAndItsWithdrawButtonsAreGerman()
    {
        LinkBot.CopyProfiles(_profiles, LinkBot.InGerman);
        await using var bot = LinkBot.Start(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = _profiles });
        var (_, link) = await bot.InviteAsync();
        var jane = bot.Candidate(link);
        await jane.ReadAsync();

        var confirm = await jane.SendTextAsync("withdraw");

        Assert.Equal("de", (string?)confirm["language"]);
        Assert.Equal(["Ja, abbrechen", "Nein, weitermachen"], confirm["prompt"]!["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(["yes", "no"], confirm["prompt"]!["choices"]!.AsArray().Select(c => (string?)c!["value"]));
    }
}
