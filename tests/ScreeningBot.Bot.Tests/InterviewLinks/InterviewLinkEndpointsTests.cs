using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>
/// The interview link's routes over HTTP against the real bot on loopback: the page and its headers, refusals for links that
/// do not open an interview (tampered, expired, closed by a recruiter, forgotten), the candidate API's bounds, pause and
/// resume from two devices, and the long poll.
/// </summary>
public sealed class InterviewLinkEndpointsTests : IAsyncLifetime
{
    private LinkBot _bot = null!;

    public Task InitializeAsync()
    {
        _bot = LinkBot.Start();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Page_ValidLink_ServesThePageWithStrictHeadersAndNoCookies()
    {
        var (_, link) = await _bot.InviteAsync();

        using var response = await _bot.Candidate(link).GetPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(InterviewLinkHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("require-trusted-types-for 'script'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.False(response.Headers.Contains("Set-Cookie"), "the page sets a cookie");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("You're talking to an AI interviewer", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // The page's words for its script travel as data, which the CSP does not run.
        Assert.Matches(@"<script type=""application/json"" id=""page-texts"">\{""answerLabel"":""Your answer"",", html);
        // The page holds nothing about the candidate: its script reads that through the API.
        Assert.DoesNotContain("Jane", html, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"<script>|\sstyle=|\son[a-z]+=", html);
    }

    [Theory]
    [InlineData("interview.js", "text/javascript; charset=utf-8")]
    [InlineData("interview.css", "text/css; charset=utf-8")]
    public async Task Assets_AreServedFromTheAssemblyAndNothingElseIs(string name, string contentType)
    {
        using var asset = await _bot.Client.GetAsync(new Uri("/interview/assets/" + name, UriKind.Relative));
        using var page = await _bot.Client.GetAsync(new Uri("/interview/assets/interview.html", UriKind.Relative));
        using var other = await _bot.Client.GetAsync(new Uri("/interview/assets/..%2Fappsettings.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(contentType, asset.Content.Headers.ContentType!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Read_NewLink_ShowsTheWelcomeAndTheConsentButtonsAndNothingElse()
    {
        var (interview, link) = await _bot.InviteAsync("Jane Doe", "jane@example.com");

        var state = await _bot.Candidate(link).ReadAsync();

        Assert.Equal("Senior Backend Developer", (string?)state["role"]);
        Assert.Equal("Jane", (string?)state["candidate"]);
        Assert.Equal("en", (string?)state["language"]);
        Assert.Equal("open", (string?)state["state"]);
        Assert.Equal(20_000, (int)state["maxAnswerLength"]!);
        Assert.Equal(interview.Record.ExpiresAt, DateTimeOffset.Parse((string)state["openUntil"]!, System.Globalization.CultureInfo.InvariantCulture));
        var messages = state["messages"]!.AsArray();
        Assert.Equal(2, messages.Count);
        Assert.StartsWith("Hi Jane!", (string?)messages[0]!["text"], StringComparison.Ordinal);
        Assert.Contains("Do you agree to continue with the automated screen?", (string?)messages[1]!["text"], StringComparison.Ordinal);
        Assert.All(messages, m => Assert.Equal("bot", (string?)m!["from"]));
        Assert.Equal("consent", (string?)state["prompt"]!["questionId"]);
        Assert.Equal(["Yes", "No"], state["prompt"]!["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal(1, (long)state["cursor"]!);
        var json = state.ToJsonString();
        Assert.DoesNotContain(interview.Id, json, StringComparison.Ordinal);
        Assert.DoesNotContain("jane@example.com", json, StringComparison.Ordinal);
        Assert.Equal(["role", "candidate", "language", "state", "openUntil", "maxAnswerLength", "cursor", "messages", "prompt", "notices"], state.Select(p => p.Key));
    }

    [Fact]
    public async Task Answer_ClickAndTypedText_RunAsTurnsAndComeBackFromTheTranscript()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();

        var afterConsent = await jane.ClickAsync("yes");
        var afterYears = await jane.SendTextAsync("6 years");

        Assert.Equal(["you", "bot", "bot", "bot"], afterConsent["messages"]!.AsArray().Select(m => (string?)m!["from"]));
        Assert.Equal("Yes", (string?)afterConsent["messages"]![0]!["text"]);
        Assert.Contains("How many years", (string?)afterConsent["messages"]!.AsArray()[^1]!["text"], StringComparison.Ordinal);
        Assert.Null(afterConsent["prompt"]);
        Assert.Equal("6 years", (string?)afterYears["messages"]![0]!["text"]);
        Assert.Contains("earliest date", string.Join("\n", jane.BotTexts), StringComparison.Ordinal);
        var stored = await _bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.InProgress, stored!.Interview.Status);
        Assert.Equal(stored.Interview.Record.NextTranscriptSequence - 1, jane.Cursor);
    }

    [Fact]
    public async Task Answer_SameMessageIdTwice_IsTakenOnce()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();
        await jane.ClickAsync("yes");
        var body = new JsonObject { ["id"] = "retry-0001", ["text"] = "6", ["after"] = jane.Cursor }.ToJsonString();

        using var first = await jane.PostRawAsync(body);
        using var second = await jane.PostRawAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var transcript = await _bot.Service<ITranscriptStore>().ReadAsync(interview.Id, CancellationToken.None);
        Assert.Single(transcript, t => t.Speaker == Speaker.Candidate && t.Text == "6");
    }

    [Fact]
    public async Task Answer_ClickOnAnAnsweredQuestion_IsRefusedWithANoticeAndChangesNothing()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();
        await jane.ClickAsync("yes");
        var before = (await _bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None))!.Interview.Record;

        using var stale = await jane.PostRawAsync(new JsonObject { ["id"] = "stale-click-1", ["choice"] = "no", ["questionId"] = "consent", ["after"] = jane.Cursor }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var state = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        Assert.Empty(state["messages"]!.AsArray());
        Assert.Equal("That question has already been answered. Please answer the latest question below.", (string?)state["notices"]![0]);
        var after = (await _bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None))!.Interview.Record;
        Assert.Equal(before.NextTranscriptSequence, after.NextTranscriptSequence);
        Assert.Equal(InterviewStatus.InProgress, after.Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Page_TamperedToken_GetsThePlainNotFoundPage(int part)
    {
        var (_, link) = await _bot.InviteAsync();
        var (other, _) = await _bot.InviteAsync("Bob Other", "bob@example.com");
        var parts = new Uri(link).AbsolutePath["/interview/".Length..].Split('.');
        parts[part] = part switch
        {
            0 => other.CandidateConversation.ConversationId, // another candidate's conversation
            1 => other.Candidate.Id,
            2 => (long.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => parts[3][..^1] + (parts[3][^1] == 'A' ? 'B' : 'A'),
        };
        var tampered = _bot.Candidate(LinkBot.BaseUrl + "/interview/" + string.Join('.', parts));

        using var page = await tampered.GetPageAsync();
        using var read = await _bot.Client.GetAsync(new Uri(tampered.MessagesPath, UriKind.Relative));
        using var answer = await tampered.PostRawAsync("""{"id":"tamper-0001","text":"yes"}""");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<h1>This link doesn&#39;t open an interview</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("invalid", (string?)JsonNode.Parse(await read.Content.ReadAsStringAsync())!["reason"]);
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var bob = await _bot.Service<IInterviewStore>().GetAsync(other.Id, CancellationToken.None);
        Assert.Equal(InterviewStatus.NotStarted, bob!.Interview.Status);
    }

    [Theory]
    [InlineData("de-DE,de;q=0.9,en;q=0.8", "de", "Dieser Link öffnet kein Gespräch", "bitten Sie die Person, die Sie eingeladen hat, um einen neuen Link")]
    [InlineData("es", "es", "Este enlace no abre ninguna entrevista", "pide un enlace nuevo a la persona que te invitó")]
    [InlineData("fr-FR,fr;q=0.9,es;q=0.5", "es", "Este enlace no abre ninguna entrevista", "pide un enlace nuevo")]
    [InlineData("en;q=0.3, de-AT;q=0.7", "de", "Dieser Link öffnet kein Gespräch", "um einen neuen Link")]
    [InlineData("de;q=0, es;q=0.1", "es", "Este enlace no abre ninguna entrevista", "pide un enlace nuevo")]
    [InlineData("fr-FR,fr;q=0.9,*;q=0.5", "en", "This link doesn't open an interview", "ask the person who invited you for a new link")]
    [InlineData("de;q=bogus,,;;, es", "es", "Este enlace no abre ninguna entrevista", "pide un enlace nuevo")]
    [InlineData(null, "en", "This link doesn't open an interview", "ask the person who invited you for a new link")]
    public async Task Page_BrokenLink_SpeaksTheBrowsersLanguageAndSaysToAskForANewLink(string? acceptLanguage, string tag, string title, string whatToDo)
    {
        var (_, link) = await _bot.InviteAsync();
        var broken = link[..^1] + (link[^1] == 'A' ? 'B' : 'A');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(broken).AbsolutePath, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var page = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Accept-Language", page.Headers.Vary);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains($"<html lang=\"{tag}\">", html, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"<title>{title}</title>", text, StringComparison.Ordinal);
        Assert.Contains($"<h1>{title}</h1>", text, StringComparison.Ordinal);
        Assert.Contains(whatToDo, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("de-CH", "Dieser Gesprächslink ist abgelaufen", "wenden Sie sich bitte an die Person, die Sie eingeladen hat")]
    [InlineData("es-MX,es;q=0.9", "Este enlace de entrevista ha caducado", "contacta con la persona que te invitó")]
    [InlineData("pt-BR", "This interview link has expired", "please contact the person who invited you")]
    public async Task Page_ExpiredLink_SpeaksTheBrowsersLanguage(string acceptLanguage, string title, string whatToDo)
    {
        var (interview, _) = await _bot.InviteAsync();
        var yesterday = new InterviewLink(interview.CandidateConversation.ConversationId, interview.Candidate.Id, _bot.Service<TimeProvider>().GetUtcNow().AddDays(-1));
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/interview/" + _bot.Service<InterviewLinkTokens>().Create(yesterday), UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);

        using var page = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        var text = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains($"<h1>{title}</h1>", text, StringComparison.Ordinal);
        Assert.Contains(whatToDo, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("lk-aaaaaaaaaaaaaaaaaaaa.lc-aaaaaaaaaaaaaaaa.9999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("a.b.c.d")]
    public async Task Page_NotAToken_GetsTheSameNotFoundPage(string token)
    {
        using var page = await _bot.Client.GetAsync(new Uri("/interview/" + token, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("This link doesn&#39;t open an interview", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_ExpiredLink_Says410Expired()
    {
        var (interview, _) = await _bot.InviteAsync();
        var yesterday = new InterviewLink(interview.CandidateConversation.ConversationId, interview.Candidate.Id, _bot.Service<TimeProvider>().GetUtcNow().AddDays(-1));
        var token = _bot.Service<InterviewLinkTokens>().Create(yesterday);

        using var page = await _bot.Client.GetAsync(new Uri("/interview/" + token, UriKind.Relative));
        using var answer = await _bot.Candidate(LinkBot.BaseUrl + "/interview/" + token).PostRawAsync("""{"id":"expired-001","text":"yes"}""");

        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("This interview link has expired", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Gone, answer.StatusCode);
        Assert.Equal("expired", (string?)JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["reason"]);
    }

    [Fact]
    public async Task Page_CancelledByRecruiter_IsRevokedAndAnOpenPageLearnsItAtOnce()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();
        var waiting = jane.ReadAsync(wait: 20);
        var started = Stopwatch.StartNew();

        var recruiter = new CommandContext("playground", new Participant("recruiter:you", "Rita"), new ConversationAddress { ChannelId = "playground", ConversationId = "hiring" }, "@Screener", PreAuthorized: true);
        var cancelled = await _bot.Service<RecruiterCommandService>().ExecuteAsync(new CancelCommand(new CommandTarget(null, interview.Id)), recruiter, CancellationToken.None);

        Assert.True(cancelled.Succeeded, cancelled.Text);
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => waiting);
        Assert.Equal(HttpStatusCode.Gone, refused.StatusCode);
        Assert.Contains("\"reason\":\"closed\"", refused.Message, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"the waiting read answered after {started.Elapsed}, not when the screen was closed");
        using var page = await jane.GetPageAsync();
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        Assert.Contains("The hiring team closed this interview", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_CandidateForgotten_LooksLikeABadLink()
    {
        var (interview, link) = await _bot.InviteAsync();

        await _bot.Service<CandidateDataService>().ForgetCandidateAsync(interview.Candidate.Id, CancellationToken.None);

        using var page = await _bot.Candidate(link).GetPageAsync();
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
    }

    [Fact]
    public async Task Answer_Bounds_AreCheckedBeforeAnythingRuns()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        var max = _bot.Service<IOptions<InterviewLinkOptions>>().Value.MaxBodyBytes;

        using var form = await jane.PostRawAsync("text=yes", "application/x-www-form-urlencoded");
        using var tooLarge = await jane.PostRawAsync(new JsonObject { ["id"] = "large-0001", ["text"] = new string('a', max) }.ToJsonString());
        using var notJson = await jane.PostRawAsync("{ not json");
        using var noId = await jane.PostRawAsync("""{"text":"yes"}""");
        using var both = await jane.PostRawAsync("""{"id":"both-00001","text":"yes","choice":"yes"}""");
        using var deep = await jane.PostRawAsync(new string('[', 100) + new string(']', 100));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooLarge.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noId.StatusCode);
        Assert.Contains("'id'", await noId.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, both.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        var stored = await _bot.Service<IInterviewStore>().GetAsync(interview.Id, CancellationToken.None);
        Assert.Equal(2, stored!.Interview.Record.NextTranscriptSequence);
    }

    [Fact]
    public async Task Answer_OverTheAnswerLimit_IsAnsweredWithANoticeNotAnAnswer()
    {
        var (_, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();
        await jane.ClickAsync("yes");

        var state = await jane.SendTextAsync(new string('x', 20_001));

        Assert.Empty(state["messages"]!.AsArray());
        Assert.Contains("20,001", (string?)state["notices"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PauseOnOneDevice_ResumeOnAnother_ContinuesWhereItStopped()
    {
        var (_, link) = await _bot.InviteAsync();
        var phone = _bot.Candidate(link);
        await phone.ReadAsync();
        await phone.ClickAsync("yes");
        var question = phone.BotTexts.Last();

        var paused = await phone.SendTextAsync("pause");
        var laptop = _bot.Candidate(link);
        var reopened = await laptop.ReadAsync();
        var resumed = await laptop.SendTextAsync("resume");

        Assert.Equal("paused", (string?)paused["state"]);
        Assert.Equal("paused", (string?)reopened["state"]);
        Assert.Equal(phone.Messages.Select(m => m.ToJsonString()), laptop.Messages.Take(phone.Messages.Count).Select(m => m.ToJsonString()));
        Assert.Equal("open", (string?)resumed["state"]);
        Assert.Equal(question, laptop.BotTexts.Last());
        var phoneAgain = await phone.ReadAsync();
        Assert.Equal("open", (string?)phoneAgain["state"]);
        Assert.Equal(["resume"], phoneAgain["messages"]!.AsArray().Where(m => (string?)m!["from"] == "you").Select(m => (string?)m!["text"]));
    }

    [Fact]
    public async Task Read_Waiting_WakesWhenAnotherDeviceAnswers()
    {
        var (_, link) = await _bot.InviteAsync();
        var laptop = _bot.Candidate(link);
        var phone = _bot.Candidate(link);
        await laptop.ReadAsync();
        await phone.ReadAsync();
        var started = Stopwatch.StartNew();
        var waiting = laptop.ReadAsync(wait: 20);

        await phone.ClickAsync("yes");

        var news = await waiting;
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"the waiting read answered after {started.Elapsed}, not when the answer came");
        Assert.Equal("Yes", (string?)news["messages"]![0]!["text"]);
        Assert.Equal(phone.Cursor, laptop.Cursor);
    }

    [Fact]
    public async Task Read_BadQuery_IsRefusedWithWhatToSend()
    {
        var (_, link) = await _bot.InviteAsync();
        var path = _bot.Candidate(link).MessagesPath;

        using var after = await _bot.Client.GetAsync(new Uri(path + "?after=abc", UriKind.Relative));
        using var wait = await _bot.Client.GetAsync(new Uri(path + "?wait=600", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
        Assert.Contains("'after' must be", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, wait.StatusCode);
        Assert.Contains("'wait' must be 0 to 25 seconds", await wait.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_AfterTheInterviewEnded_ShowsTheEndAndStartsNothingNew()
    {
        var (interview, link) = await _bot.InviteAsync();
        var jane = _bot.Candidate(link);
        await jane.ReadAsync();

        var declined = await jane.ClickAsync("no");
        var again = await jane.SendTextAsync("yes, I changed my mind");

        Assert.Equal("ended", (string?)declined["state"]);
        Assert.Equal("declined", (string?)declined["outcome"]);
        Assert.Null(declined["prompt"]);
        Assert.Equal("ended", (string?)again["state"]);
        Assert.NotEmpty(again["notices"]!.AsArray());
        var all = await _bot.Service<IInterviewStore>().ListAsync(new InterviewQuery(CandidateId: interview.Candidate.Id), 10, CancellationToken.None);
        Assert.Equal(interview.Id, Assert.Single(all).Id);
        Assert.Equal(InterviewStatus.Declined, all[0].Status);
    }
}
