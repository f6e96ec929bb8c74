using System.Globalization;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using ScreeningBot.Bot.Rehearsal;
using Microsoft.Extensions.DependencyInjection;
using ScreeningBot.Bot.Tests.Playground;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Testing;
using ScreeningBot.Testing.InterviewLinks;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

/// <summary>
/// The candidate's interview page in a real headless Chromium against the real bot on loopback: a whole interview by
/// clicking and typing, a reload halfway that resumes where it stopped, keyboard use, candidate text that stays text, and
/// the page on a phone (a screenshot is saved as a test artifact; see <see cref="ScreenshotPath"/>).
/// </summary>
public sealed class InterviewLinkPageTests : IAsyncLifetime
{
    /// <summary>Set to a file path to also save the phone screenshot there (docs/images/interview-link.sh does, for the README).</summary>
    public const string ScreenshotVariable = "SCREENINGBOT_INTERVIEW_LINK_SCREENSHOT";

    private static readonly string StrongScript = Path.Combine(RepositoryPaths.Profiles, "rehearsals", "backend-senior-strong.yaml");

    private LinkBot _bot = null!;
    private HeadlessChromium? _browser;
    private WebDriverWait _wait = null!;

    /// <summary>Where the phone test leaves its screenshot: TestResults/ at the repository root (ignored by git).</summary>
    public static string ScreenshotPath => Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots", "interview-link-phone.png");

    private HeadlessChromium Browser => _browser ?? throw new InvalidOperationException("Open the page first.");

    public Task InitializeAsync()
    {
        // The browser answers far faster than a person, and the test reads the questions through the API as well.
        _bot = LinkBot.Start(new Dictionary<string, string?> { ["InterviewLinks:RequestsPerMinutePerLink"] = "1000", ["InterviewLinks:RequestsPerMinutePerAddress"] = "5000" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _browser?.Dispose();
        await _bot.DisposeAsync();
    }

    [Fact]
    public async Task Page_WholeInterviewByClickingAndTyping_WithAReloadHalfway_EndsWithTheClosingNote()
    {
        var (_, link) = await _bot.InviteAsync("Jane Doe", "jane@example.com");
        var oracle = _bot.Candidate(link);
        var answers = RehearsalAnswers.Parse(StrongScript, await File.ReadAllTextAsync(StrongScript), out var error) ?? throw new InvalidOperationException(error);
        Open(link, 1280, 900);

        WaitFor("#notice h1", "You're talking to an AI interviewer");
        WaitFor(".msg.bot", "Do you agree to continue with the automated screen?");
        Assert.Equal("Senior Backend Developer", Browser.Driver.FindElement(By.Id("role")).Text);
        Assert.StartsWith("Open until ", Browser.Driver.FindElement(By.Id("open-until")).Text, StringComparison.Ordinal);
        _ = answers.Next("consent");
        Click(".choice", "Yes");
        WaitForAnswers(1);

        var sent = 1;
        var clicked = 1;
        var reloaded = false;
        while (!Browser.Driver.FindElement(By.Id("closed")).Displayed)
        {
            Assert.True(sent < 60, "the interview did not end within 60 answers");
            await oracle.ReadAsync();
            var questionId = InterviewLinkClient.QuestionIdOf(TestProfiles.BackendSenior, oracle.BotTexts.Last());
            var answer = answers.Next(questionId) ?? throw new InvalidOperationException($"No scripted answer for {questionId}");
            var button = Browser.All(".choice").FirstOrDefault(b => string.Equals(b.Text, answer, StringComparison.OrdinalIgnoreCase));
            if (button is not null)
            {
                button.Click();
                clicked++;
            }
            else
            {
                Type(answer);
            }

            WaitForAnswers(++sent);
            if (!reloaded && sent == 4)
            {
                // Halfway through the knockouts: the page comes back with the same conversation and the same question.
                var before = Bubbles();
                Browser.Driver.Navigate().Refresh();
                _wait.Until(_ => Bubbles().Count == before.Count);
                Assert.Equal(before, Bubbles());
                Assert.True(Browser.Driver.FindElement(By.Id("answer")).Enabled, "the answer box is closed after a reload");
                reloaded = true;
            }
        }

        Assert.True(reloaded);
        Assert.InRange(clicked, 1, sent - 1);
        Assert.StartsWith("The interview is complete. Thank you", Browser.Driver.FindElement(By.Id("closed")).Text, StringComparison.Ordinal);
        Assert.Contains("That's everything, Jane", Browser.All(".msg.bot")[^1].Text, StringComparison.Ordinal);
        Assert.False(Browser.Driver.FindElement(By.Id("composer")).Displayed);
        Assert.Empty(Browser.All(".choice"));
        Assert.False(Browser.Driver.FindElement(By.Id("status")).Displayed, "the page shows an error: " + Browser.Driver.FindElement(By.Id("status")).Text);
        Assert.Equal(sent, Browser.All(".msg.you").Count);
        AssertNoCookiesStorageOrOtherOrigins();
    }

    [Fact]
    public async Task Page_GermanInterview_ThePageAroundTheConversationIsGermanAndCandidateTextStaysText()
    {
        await InGermanAsync(async (german, link) =>
        {
            Open(link, 1280, 900, bot: german);
            WaitFor(".choice", "Ja");

            // The whole page speaks German, and screen readers read all of it with a German voice.
            Assert.Equal("de", Browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
            Assert.Equal("de", Browser.Driver.FindElement(By.Id("log")).GetAttribute("lang"));
            Assert.Equal("Ihr Screening-Gespräch", Browser.Driver.Title);
            Assert.Equal("Sie sprechen mit einem KI-Interviewer", Browser.Driver.FindElement(By.CssSelector("#notice h1")).Text);
            Assert.Equal(["Ja", "Nein"], Browser.All(".choice").Select(b => b.Text));
            Assert.Equal("Senden", Browser.Driver.FindElement(By.Id("send")).Text);
            Assert.Equal("Antwort eingeben", Browser.Driver.FindElement(By.Id("answer")).GetAttribute("placeholder"));
            Assert.Equal("Der Gesprächsverlauf", Browser.Driver.FindElement(By.Id("log")).GetAttribute("aria-label"));
            Assert.StartsWith("Geöffnet bis ", Browser.Driver.FindElement(By.Id("open-until")).Text, StringComparison.Ordinal);
            Assert.Equal(["Hilfe", "Pause machen"], Browser.All(".tool-buttons button").Select(b => b.Text));

            // Candidate text is shown as typed, in the German page as in the English one.
            const string Markup = "<img src=x onerror=\"document.title='pwned'\"><b>fett?</b> **nicht fett** [HR-Portal](https://attacker.example/login)";
            Type(Markup);
            WaitFor(".msg.you .bubble", Markup);
            Assert.Empty(Browser.All("#log img, #log b, #log a, .msg.you strong"));
            Assert.Equal("Ihr Screening-Gespräch", Browser.Driver.Title);

            // The buttons send the German commands, which the German interview understands.
            Click(".choice", "Ja");
            WaitFor(".msg.bot", "How many years");
            Click("#pause", "Pause machen");
            _wait.Until(d => d.FindElement(By.Id("paused")).Displayed);
            Assert.StartsWith("Das Gespräch ist pausiert.", Browser.Driver.FindElement(By.Id("paused-text")).Text, StringComparison.Ordinal);
            Click("#resume", "Gespräch fortsetzen");
            WaitFor(".msg.bot", "Willkommen zurück!");
            _wait.Until(d => d.FindElement(By.Id("composer")).Displayed);
            Assert.Contains("weiter", Bubbles(), StringComparer.Ordinal);
            Assert.False(Browser.Driver.FindElement(By.Id("status")).Displayed, "the page shows an error: " + Browser.Driver.FindElement(By.Id("status")).Text);
        });
    }

    [Fact]
    public async Task Page_BrokenLinkInAGermanBrowser_SaysInGermanToAskForANewLink()
    {
        // Same fixture as the German interview above, but the link is cut short: there is no interview to take a language
        // from, so the browser's own languages pick it.
        await InGermanAsync(async (german, link) =>
        {
            Open(link[..^3], 1280, 900, bot: german, acceptLanguage: "de-DE,de,en-US,en");

            var heading = _wait.Until(d => d.FindElement(By.TagName("h1")));
            Assert.Equal("de", Browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));
            Assert.Equal("Dieser Link öffnet kein Gespräch", Browser.Driver.Title);
            Assert.Equal("Dieser Link öffnet kein Gespräch", heading.Text);
            Assert.EndsWith("bitten Sie die Person, die Sie eingeladen hat, um einen neuen Link.", Browser.Driver.FindElement(By.CssSelector("main p")).Text, StringComparison.Ordinal);
            Assert.Empty(Browser.All("script, form, input, a"));
        });
    }

    [Fact]
    public async Task Page_TakeABreakOnAPhone_ResumeOnALaptop_ContinuesWithTheSameQuestion()
    {
        var (_, link) = await _bot.InviteAsync();
        Open(link, 390, 844, phone: true);
        Click(".choice", "Yes");
        WaitFor(".msg.bot", "How many years");

        Click("#pause", "Take a break");
        _wait.Until(d => d.FindElement(By.Id("paused")).Displayed);
        Assert.StartsWith("The interview is paused. Come back with the same link whenever you're ready, on this or another device, until ",
            Browser.Driver.FindElement(By.Id("paused-text")).Text, StringComparison.Ordinal);
        Assert.False(Browser.Driver.FindElement(By.Id("composer")).Displayed);
        _wait.Until(d => d.SwitchTo().ActiveElement().GetAttribute("id") == "resume");
        var onThePhone = Bubbles();
        AssertNoCookiesStorageOrOtherOrigins();
        Browser.Dispose();

        // Another device: a browser with a profile of its own, nothing shared but the link.
        Open(link, 1280, 900);
        _wait.Until(d => d.FindElement(By.Id("paused")).Displayed);
        Assert.Equal(onThePhone, Bubbles());
        Click("#resume", "Resume the interview");
        _wait.Until(_ => Browser.All(".msg.bot").Count(m => m.Text.Contains("How many years", StringComparison.Ordinal)) == 2);
        Type("6");
        WaitFor(".msg.bot", "earliest date");

        Assert.False(Browser.Driver.FindElement(By.Id("paused")).Displayed);
        Assert.Equal("6", Browser.All(".msg.you .bubble")[^1].Text);
        Assert.Equal(onThePhone, Bubbles().Take(onThePhone.Count));
    }

    [Fact]
    public async Task Page_SlowJudge_ShowsTypingUntilTheNextQuestionArrives()
    {
        await using var slow = LinkBot.Start(configureServices: services => services.AddSingleton<IAnswerJudge>(new SlowJudge(new RubricJudge(), TimeSpan.FromSeconds(3))));
        var (_, link) = await slow.InviteAsync();
        Open(link, 1280, 900, bot: slow);
        Click(".choice", "Yes");
        WaitForAnswers(1);
        var sent = 1;
        foreach (var answer in new[] { "6", "in 3 weeks", "2" })
        {
            Type(answer);
            WaitForAnswers(++sent);
        }

        WaitFor(".msg.bot", "Question 1 of");
        Type("I designed the public REST API of our billing platform: idempotency keys, cursor pagination and versioning.");

        var typing = _wait.Until(d => d.FindElement(By.Id("typing")) is { Displayed: true } e ? e : null);
        Assert.Equal("status", typing.GetAttribute("role"));
        Assert.Equal("The interviewer is typing", typing.FindElement(By.CssSelector(".visually-hidden")).GetAttribute("textContent"));
        Assert.NotNull(Browser.All(".msg.pending").SingleOrDefault());
        WaitForAnswers(5);
        Assert.False(Browser.Driver.FindElement(By.Id("typing")).Displayed);
    }

    [Fact]
    public async Task Page_CandidateTypesMarkup_ShowsItAsTextBeforeAndAfterAReload()
    {
        var (_, link) = await _bot.InviteAsync();
        Open(link, 1280, 900);
        WaitFor(".msg.bot", "Do you agree to continue with the automated screen?");
        const string Markup = "<img src=x onerror=\"document.title='pwned'\"><b>bold?</b> **not bold**";

        Type(Markup);
        WaitFor(".msg.you .bubble", Markup);
        Browser.Driver.Navigate().Refresh();
        WaitFor(".msg.you .bubble", Markup);

        Assert.Empty(Browser.All("#log img, #log b, .msg.you strong"));
        Assert.NotEqual("pwned", Browser.Driver.Title);
        Assert.Equal("Your screening interview", Browser.Driver.Title);
        // Not taken as consent: the question is asked again, still with its buttons.
        Assert.Equal(["Yes", "No"], Browser.All(".choice").Select(b => b.Text));
    }

    [Fact]
    public async Task Page_Keyboard_AnswersWithoutAMouseAndFocusFollowsTheQuestion()
    {
        var (_, link) = await _bot.InviteAsync();
        Open(link, 1280, 900);
        WaitFor(".choice", "Yes");

        for (var i = 0; i < 20 && Browser.Driver.SwitchTo().ActiveElement().Text != "Yes"; i++)
        {
            Browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
        }

        Browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Enter);
        WaitFor(".msg.bot", "How many years");
        _wait.Until(d => d.SwitchTo().ActiveElement().GetAttribute("id") == "answer");
        Browser.Driver.SwitchTo().ActiveElement().SendKeys("6" + Keys.Enter);
        WaitFor(".msg.bot", "earliest date");

        Assert.Equal("answer", Browser.Driver.SwitchTo().ActiveElement().GetAttribute("id"));
        Assert.Equal(["Yes", "6"], Browser.All(".msg.you .bubble").Select(b => b.Text));
    }

    [Fact]
    public async Task Page_EveryControlIsNamedAndTextHasEnoughContrast()
    {
        var (_, link) = await _bot.InviteAsync();
        Open(link, 1280, 900);
        Click(".choice", "Yes");
        WaitFor(".msg.you .bubble", "Yes");

        var unnamed = Script<IReadOnlyCollection<object>>(
            """
            return [...document.querySelectorAll("input, textarea, select, button")]
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.textContent.trim())
              .map(e => e.outerHTML);
            """);
        Assert.Empty(unnamed);
        Assert.Equal("log", Browser.Driver.FindElement(By.Id("log")).GetAttribute("role"));
        Assert.Equal("en", Browser.Driver.FindElement(By.TagName("html")).GetAttribute("lang"));

        // WCAG AA: 4.5:1 for text, against the nearest background that is not transparent.
        var ratios = Script<IReadOnlyDictionary<string, object>>(
            """
            const rgb = s => s.match(/[\d.]+/g).slice(0, 4).map(Number);
            const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const background = e => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length < 4 || c[3] > 0) return c; } return [255, 255, 255]; };
            const ratio = e => { const a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e)); return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05); };
            const out = {};
            for (const s of ["#notice p", ".msg.bot .bubble p", ".msg.you .bubble", "#answer-help", "#open-until", ".send", ".tool", "#role"]) {
              const e = document.querySelector(s); if (e) out[s] = ratio(e);
            }
            return out;
            """);
        Assert.Equal(8, ratios.Count);
        Assert.All(ratios, r => Assert.True(Convert.ToDouble(r.Value, CultureInfo.InvariantCulture) >= 4.5, $"{r.Key} has a contrast of {r.Value}:1"));
    }

    [Fact]
    public async Task Page_OnAPhone_FitsTheScreenWithTouchSizedButtons()
    {
        var (_, link) = await _bot.InviteAsync("Jane Doe", "jane@example.com");
        Open(link, 390, 844, phone: true);
        var yes = WaitFor(".choice", "Yes");

        // What a candidate sees first: the AI notice, the welcome and the consent question with its buttons.
        Assert.Equal(390, Script<long>("return window.innerWidth;"));
        AssertFitsThePhone();
        Assert.True(yes.Size.Height >= 44, $"the Yes button is {yes.Size.Height} pixels high, smaller than a finger");
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        Browser.Screenshot(ScreenshotPath);
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000, "the screenshot is empty");
        if (Environment.GetEnvironmentVariable(ScreenshotVariable) is { Length: > 0 } copy)
        {
            File.Copy(ScreenshotPath, copy, overwrite: true);
        }

        yes.Click();
        WaitFor(".msg.bot", "How many years");
        Type("About 6 years, mostly public REST APIs for billing.");
        WaitFor(".msg.bot", "earliest date");

        AssertFitsThePhone();
        Assert.True(Browser.Driver.FindElement(By.Id("send")).Size.Height >= 44, "the send button is smaller than a finger");
        Assert.Equal("16px", Browser.Driver.FindElement(By.Id("answer")).GetCssValue("font-size"));
        Browser.Screenshot(Path.Combine(Path.GetDirectoryName(ScreenshotPath)!, "interview-link-phone-answering.png"));
    }

    /// <summary>Runs <paramref name="test"/> on a bot whose backend-senior interviews in German, with a new candidate's link.</summary>
    private static async Task InGermanAsync(Func<LinkBot, string, Task> test)
    {
        var profiles = Directory.CreateTempSubdirectory("screeningbot-link-profiles-").FullName;
        try
        {
            LinkBot.CopyProfiles(profiles, LinkBot.InGerman);
            await using var german = LinkBot.Start(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = profiles });
            var (_, link) = await german.InviteAsync();
            await test(german, link);
        }
        finally
        {
            Directory.Delete(profiles, recursive: true);
        }
    }

    /// <summary>The page keeps nothing in the browser (no cookie, no web storage) and loads nothing from anywhere but the bot.</summary>
    private void AssertNoCookiesStorageOrOtherOrigins()
    {
        Assert.Empty(Browser.Driver.Manage().Cookies.AllCookies);
        Assert.Equal(string.Empty, Script<string>("return document.cookie;"));
        Assert.Equal(0L, Script<long>("return localStorage.length + sessionStorage.length;"));
        var elsewhere = Script<IReadOnlyCollection<object>>(
            "return performance.getEntriesByType('resource').map(e => e.name).filter(n => !n.startsWith(location.origin + '/'));");
        Assert.Empty(elsewhere);
    }

    /// <summary>Only the conversation scrolls: the page itself fits the screen both ways, and the answer dock is on it.</summary>
    private void AssertFitsThePhone()
    {
        Assert.True(Script<bool>("return document.documentElement.scrollWidth <= window.innerWidth;"), "the page scrolls sideways on a phone");
        Assert.True(Script<bool>("return document.documentElement.scrollHeight <= window.innerHeight;"), "the page itself scrolls on a phone");
        var dock = Browser.Driver.FindElement(By.Id("dock"));
        Assert.True(dock.Location.Y + dock.Size.Height <= Script<long>("return window.innerHeight;") + 1, "the answer dock is below the screen");
    }

    private void Open(string link, int width, int height, bool phone = false, LinkBot? bot = null, string? acceptLanguage = null)
    {
        _browser = phone ? HeadlessChromium.StartPhone(width, height, 2) : HeadlessChromium.Start(width, height, acceptLanguage);
        _wait = new WebDriverWait(_browser.Driver, TimeSpan.FromSeconds(45));
        _wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        _browser.Driver.Navigate().GoToUrl(new Uri((bot ?? _bot).Factory.BaseAddress, new Uri(link).AbsolutePath));
    }

    private List<string> Bubbles() => [.. Browser.All("#log .msg:not(.pending) .bubble").Select(b => b.Text)];

    /// <summary>Waits until the page shows <paramref name="count"/> answers of the candidate, none still on its way, and the bot's reply.</summary>
    private void WaitForAnswers(int count) =>
        _wait.Until(d => Browser.All(".msg.you:not(.pending)").Count == count
            && Browser.All(".msg.pending").Count == 0
            && !d.FindElement(By.Id("typing")).Displayed);

    private void Type(string text)
    {
        var box = _wait.Until(d => d.FindElement(By.Id("answer")) is { Enabled: true } e && e.GetAttribute("readonly") is null ? e : null);
        box.SendKeys(text);
        box.SendKeys(Keys.Enter);
    }

    private T Script<T>(string script) => (T)((IJavaScriptExecutor)Browser.Driver).ExecuteScript(script)!;

    private IWebElement WaitFor(string css, string text)
    {
        try
        {
            return _wait.Until(d => d.FindElements(By.CssSelector(css)).LastOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)));
        }
        catch (WebDriverTimeoutException)
        {
            var seen = string.Join("\n---\n", Browser.All(css).Select(e => e.Text));
            Browser.Screenshot(Path.Combine(Path.GetTempPath(), "screeningbot-interview-link-failed.png"));
            throw new Xunit.Sdk.XunitException($"The page never showed \"{text}\" in {css}. It showed:\n{seen}");
        }
    }

    private void Click(string css, string text)
    {
        var target = WaitFor(css, text);
        _wait.Until(_ => target.Enabled);
        target.Click();
    }
}
