using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Playground;
using ScreeningBot.Testing;
using ScreeningBot.Testing.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

/// <summary>
/// The scorecard of the shipped strong rehearsal as a person sees it: the card the rehearsal writes is posted to the
/// playground's hiring channel and drawn by the page in headless Chromium, and a picture of it is taken (README.md shows
/// it; <c>docs/images/scorecard.sh</c> sets <c>SCREENINGBOT_SCORECARD_SCREENSHOT</c> to copy it there).
/// </summary>
public sealed class ScorecardPictureTests : IAsyncLifetime
{
    private readonly string _out = Directory.CreateTempSubdirectory("scorecard-picture-").FullName;
    private PlaygroundBot _bot = null!;
    private HeadlessChromium _browser = null!;

    public Task InitializeAsync()
    {
        _bot = PlaygroundBot.Start();
        _browser = HeadlessChromium.Start(1100, 2400);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task StrongRehearsalCard_InThePlayground_ReadsAsAScorecard()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Screening:ProfilesPath"] = RepositoryPaths.Profiles }).Build();
        var context = new CliContext(new StringReader(string.Empty), new StringWriter(), new StringWriter(), configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        var script = Path.Combine(RepositoryPaths.Root, "profiles", "rehearsals", "backend-senior-strong.yaml");
        Assert.Equal(0, await CommandLine.RunAsync(["rehearse", "--profile", "backend-senior", "--answers", script, "--out", _out, "--name", "Jane Doe"], context, CancellationToken.None));
        var card = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(_out, "scorecard.json")))!;

        var activity = new JsonObject
        {
            ["type"] = "message",
            ["from"] = new JsonObject { ["id"] = "bot", ["name"] = "Screener" },
            ["attachments"] = new JsonArray(new JsonObject { ["contentType"] = "application/vnd.microsoft.card.adaptive", ["content"] = card }),
        };
        using var posted = await _bot.Client.PostAsJsonAsync($"{PlaygroundEndpoints.ConnectorConversations}/{Uri.EscapeDataString(PlaygroundBot.ChannelConversationId)}/activities", activity);
        Assert.True(posted.IsSuccessStatusCode, $"the playground refused the card: {(int)posted.StatusCode}");

        _browser.Driver.Navigate().GoToUrl(new Uri(_bot.Factory.BaseAddress, "/"));
        var wait = new WebDriverWait(_browser.Driver, TimeSpan.FromSeconds(45));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException));
        var drawn = wait.Until(d => d.FindElements(By.CssSelector("#hiring-log .ac-card")).FirstOrDefault(c => c.Text.Contains("Suggested next step", StringComparison.Ordinal)));

        var text = drawn!.Text;
        Assert.Matches(@"^(Strong Yes|Yes) · \d{2,3}/100", text);
        Assert.Contains("Coverage", text, StringComparison.Ordinal);
        Assert.Contains("Score: the rubric weighted", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\", text, StringComparison.Ordinal);
        Assert.DoesNotContain("…", text, StringComparison.Ordinal);
        Assert.Empty(drawn.FindElements(By.CssSelector(".ac-unsupported")));

        // The hiring pane scrolls; the picture is of the whole card, drawn alone at a chat's width with the page's own styles.
        var alone = (IWebElement?)((IJavaScriptExecutor)_browser.Driver).ExecuteScript(
            """
            const card = arguments[0].cloneNode(true);
            const frame = document.createElement("div");
            frame.style.cssText = "width: 620px; padding: 12px; background: #fff;";
            frame.append(card);
            document.body.replaceChildren(frame);
            document.body.style.cssText = "display: block; overflow: visible; height: auto; margin: 0;";
            return card;
            """,
            drawn);
        Assert.NotNull(alone);
        Assert.Equal(text, alone.Text);
        var picture = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots", "scorecard.png");
        Directory.CreateDirectory(Path.GetDirectoryName(picture)!);
        ((ITakesScreenshot)alone).GetScreenshot().SaveAsFile(picture);
        Assert.True(new FileInfo(picture).Length > 10_000, "the picture is nearly empty");
        if (Environment.GetEnvironmentVariable("SCREENINGBOT_SCORECARD_SCREENSHOT") is { Length: > 0 } copy)
        {
            File.Copy(picture, copy, overwrite: true);
        }
    }

    public async Task DisposeAsync()
    {
        _browser.Dispose();
        await _bot.DisposeAsync();
        Directory.Delete(_out, recursive: true);
    }
}
