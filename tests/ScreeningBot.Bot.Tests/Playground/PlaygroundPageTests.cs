using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using ScreeningBot.Testing.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>
/// The playground page in a real headless Chromium against the real bot on loopback: a person's clicks and keystrokes as the
/// recruiter and the candidate, and what the three panes then show.
/// </summary>
public sealed class PlaygroundPageTests : IAsyncLifetime
{
    /// <summary>Where the journey test leaves a picture of the finished page, to look at.</summary>
    public static readonly string ScreenshotPath = Path.Combine(Path.GetTempPath(), "screeningbot-playground.png");

    private PlaygroundBot _bot = null!;
    private HeadlessChromium _browser = null!;
    private WebDriverWait _wait = null!;

    public Task InitializeAsync()
    {
        _bot = PlaygroundBot.Start();
        _browser = HeadlessChromium.Start(1366, 768);
        _wait = new WebDriverWait(_browser.Driver, TimeSpan.FromSeconds(45));
        // The page draws the candidate's chat again when the name changes: an element found a moment ago may be gone.
        _wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        _browser.Driver.Navigate().GoToUrl(new Uri(_bot.Factory.BaseAddress, "/"));
        return Task.CompletedTask;
    }

    [Fact]
    public void Page_InviteThenFailedKnockout_ShowsTheScorecardWithNo()
    {
        Click("#recruiter-chips .chip", "screen @Jane backend-senior");
        WaitFor("#recruiter-log .msg.bot", "Invited @Jane");

        WaitFor("#candidate-log .msg.bot", "Do you agree to continue with the automated screen?");
        Click("#candidate-log .ac-action", "Yes");
        WaitFor("#candidate-log .msg.bot", "How many years");
        var answer = _browser.Driver.FindElement(By.Id("candidate-input"));
        answer.SendKeys("1");
        answer.SendKeys(Keys.Enter);

        WaitFor("#candidate-log .msg.bot", "will review your answers against the role's requirements and get back to you");
        var card = WaitFor("#hiring-log .ac-card", "Senior Backend Developer");
        Assert.Equal("Not scored: a must-have requirement was not met", card.FindElement(By.CssSelector(".ac-text")).Text);
        Assert.Contains("Ended at a knockout question", card.Text, StringComparison.Ordinal);
        Assert.Contains("Answer: 1", card.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("/100", card.Text, StringComparison.Ordinal);
        Assert.Contains(_browser.All("#candidate-log .msg.me .bubble"), b => b.Text == "Yes");
        Assert.Contains(_browser.All("#candidate-log .msg.me .bubble"), b => b.Text == "1");
        Assert.All(_browser.All("#candidate-log .ac-action"), b => Assert.False(b.Enabled));
        Assert.True(_browser.Driver.FindElement(By.Id("status")).GetAttribute("hidden") is not null, "the page shows a connection problem");
        AssertScreenEndedAndInputClosed();
        AssertCardMarksNeedNoEmojiFont(card);

        _browser.Screenshot(ScreenshotPath);

        // A reload replays only what the bot sent on its own (the invitation, with its consent buttons): the ended screen
        // must still show no live buttons and a closed input.
        _browser.Driver.Navigate().Refresh();
        WaitFor("#hiring-log .ac-card", "Not scored: a must-have requirement was not met");
        WaitFor("#candidate-log .notice", "This page was reloaded");
        WaitFor("#candidate-log .msg.bot", "Do you agree to continue with the automated screen?");
        Assert.NotEmpty(_browser.All("#candidate-log .ac-action"));
        Assert.All(_browser.All("#candidate-log .ac-action"), b => Assert.False(b.Enabled, $"the button '{b.Text}' still answers after the screen ended"));
        AssertScreenEndedAndInputClosed();

        // A new invitation opens the chat again, with live buttons for the new screen only.
        var oldButtons = _browser.All("#candidate-log .ac-action").Count;
        Click("#recruiter-chips .chip", "screen @Jane backend-senior");
        _wait.Until(_ => _browser.All("#candidate-log .ac-action").Count > oldButtons);
        _wait.Until(d => d.FindElement(By.Id("candidate-input")).Enabled);
        Assert.False(_browser.Driver.FindElement(By.Id("candidate-closed")).Displayed);
        Assert.Equal(2, _browser.All("#candidate-log .ac-action").Count(b => b.Enabled));
        Click("#candidate-log .ac-action:enabled", "Yes");
        WaitFor("#candidate-log .msg.bot", "How many years");
    }

    private void AssertScreenEndedAndInputClosed()
    {
        Assert.False(_browser.Driver.FindElement(By.Id("candidate-input")).Enabled, "the answer box is still open");
        Assert.False(_browser.Driver.FindElement(By.CssSelector("#candidate-form .send")).Enabled);
        Assert.All(_browser.All("#candidate-chips .chip"), c => Assert.False(c.Enabled));
        var note = _browser.Driver.FindElement(By.Id("candidate-closed"));
        Assert.True(note.Displayed, "no note says the screen has ended");
        Assert.StartsWith("This screen has ended, so Jane can't answer any more.", note.Text, StringComparison.Ordinal);
    }

    /// <summary>
    /// ✅ ❌ ⚠️ in card text are drawn as CSS marks, not emoji glyphs, which show as empty boxes without an emoji font.
    /// </summary>
    private static void AssertCardMarksNeedNoEmojiFont(IWebElement card)
    {
        Assert.DoesNotContain(card.Text, c => c is '\u2705' or '\u274C' or '\u26A0' or '\u2714' or '\u2716');
        var failed = card.FindElements(By.CssSelector(".ac-text .mark.fail"));
        Assert.NotEmpty(failed);
        Assert.All(failed, mark =>
        {
            Assert.Equal("failed", mark.GetAttribute("aria-label"));
            Assert.True(mark.Size.Width > 4 && mark.Size.Height > 4, $"the mark is {mark.Size}");
        });
        Assert.Contains("How many years", failed[0].FindElement(By.XPath("..")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_CandidateTypesMarkupThenWithdraws_ShowsItAsTextAndEndsTheScreen()
    {
        var name = _browser.Driver.FindElement(By.Id("candidate-name"));
        name.Clear();
        name.SendKeys("Ada Lovelace");
        Assert.Equal("Ada Lovelace", _browser.Driver.FindElement(By.Id("candidate-title-name")).Text);
        var command = _browser.Driver.FindElement(By.Id("recruiter-input"));
        command.SendKeys("screen @Ada Lovelace backend-mid");
        command.SendKeys(Keys.Enter);
        WaitFor("#recruiter-log .msg.bot", "Invited @Ada Lovelace");
        WaitFor("#candidate-log .msg.bot", "Do you agree to continue with the automated screen?");

        const string Markup = "<img src=x onerror=\"document.title='pwned'\"><b>bold?</b>";
        var answer = _browser.Driver.FindElement(By.Id("candidate-input"));
        answer.SendKeys(Markup);
        answer.SendKeys(Keys.Enter);
        WaitFor("#candidate-log .msg.me .bubble", Markup);
        Assert.Empty(_browser.All("#candidate-log img, #candidate-log b"));
        Assert.NotEqual("pwned", _browser.Driver.Title);

        Click("#candidate-chips .chip", "withdraw");
        WaitFor("#candidate-log .msg.bot", "Are you sure you want to withdraw");
        Click("#candidate-log .ac-action:enabled", "Yes, withdraw");
        WaitFor("#candidate-log .msg.bot", "You've withdrawn from the screen");

        Click("#recruiter-chips .chip", "status");
        WaitFor("#recruiter-log .msg.bot", "Ada Lovelace, backend-mid: Candidate withdrew");
        WaitFor("#hiring-log .ac-card", "The candidate withdrew");
    }

    [Fact]
    public void Page_CandidateNamedWithMarkdown_RecruiterSeesTheNameAsTypedWithNoLinkOrEmphasis()
    {
        const string Hostile = "Ada **Boss** _x_ [HR](http://e.example)";
        var name = _browser.Driver.FindElement(By.Id("candidate-name"));
        name.Clear();
        name.SendKeys(Hostile);
        Assert.Equal(Hostile, _browser.Driver.FindElement(By.Id("candidate-title-name")).Text);
        var command = _browser.Driver.FindElement(By.Id("recruiter-input"));
        command.SendKeys($"screen @{Hostile} backend-mid");
        command.SendKeys(Keys.Enter);

        var reply = WaitFor("#recruiter-log .msg.bot .bubble", $"Invited @{Hostile} to the ");
        Assert.Empty(reply.FindElements(By.CssSelector("a, b, em")));
        Assert.DoesNotContain(reply.FindElements(By.TagName("strong")), s => s.Text.Contains("Boss", StringComparison.Ordinal));
        Assert.DoesNotContain("\\", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_ForgetAfterAScreen_ReplacesThePostedScorecardWithANote()
    {
        Click("#recruiter-chips .chip", "screen @Jane backend-senior");
        WaitFor("#candidate-log .msg.bot", "Do you agree to continue with the automated screen?");
        Click("#candidate-log .ac-action", "Yes");
        WaitFor("#candidate-log .msg.bot", "How many years");
        var answer = _browser.Driver.FindElement(By.Id("candidate-input"));
        answer.SendKeys("1");
        answer.SendKeys(Keys.Enter);
        WaitFor("#hiring-log .ac-card", "Not scored: a must-have requirement was not met");

        var command = _browser.Driver.FindElement(By.Id("recruiter-input"));
        command.SendKeys("forget @Jane confirm");
        command.SendKeys(Keys.Enter);

        WaitFor("#recruiter-log .msg.bot", "removed 1 message");
        WaitFor("#hiring-log .notice", "A message was removed here: the candidate's data was erased.");
        Assert.Empty(_browser.All("#hiring-log .ac-card"));
    }

    [Fact]
    public void Page_EveryControl_HasAnAccessibleName()
    {
        var unnamed = ((IJavaScriptExecutor)_browser.Driver).ExecuteScript(
            """
            return [...document.querySelectorAll("input, textarea, select, button")]
              .filter(e => !(e.labels && e.labels.length) && !e.getAttribute("aria-label") && !e.textContent.trim())
              .map(e => e.outerHTML);
            """) as IReadOnlyCollection<object>;

        Assert.Empty(unnamed!);
        Assert.Equal(3, _browser.All("section.pane h2").Count);
        Assert.Equal("Local playground", _browser.Driver.FindElement(By.CssSelector(".badge")).Text, ignoreCase: true);
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bot.DisposeAsync();
    }

    /// <summary>Waits until an element matching <paramref name="css"/> contains <paramref name="text"/>, and returns it.</summary>
    private IWebElement WaitFor(string css, string text)
    {
        try
        {
            return _wait.Until(d => d.FindElements(By.CssSelector(css)).LastOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)));
        }
        catch (WebDriverTimeoutException)
        {
            var seen = string.Join("\n---\n", _browser.All(css).Select(e => e.Text));
            _browser.Screenshot(Path.Combine(Path.GetTempPath(), "screeningbot-playground-failed.png"));
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
