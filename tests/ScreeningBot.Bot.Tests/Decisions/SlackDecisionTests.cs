using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using ScreeningBot.Bot.Decisions;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Bot.Reports;
using ScreeningBot.Bot.Tests.Playground;
using ScreeningBot.Bot.Tests.Slack;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Storage;
using ScreeningBot.Testing.Slack;

namespace ScreeningBot.Bot.Tests.Decisions;

/// <summary>
/// Decision buttons and the note field on a Slack scorecard, over HTTP: a signed <c>block_actions</c> click (with what was
/// typed in <c>state.values</c>), the decision or note stored, <c>chat.update</c> of the message.
/// </summary>
public sealed class SlackDecisionTests
{
    private const string ScorecardTs = "1800000000.000100";

    [Fact]
    public async Task RejectClick_ByARecruiter_StoresTheDecisionAndUpdatesTheMessage()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        var response = await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, "reject", harness.Slack.ResponseUrl("r1")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var update = await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard");
        Assert.Equal(SlackBotHarness.HiringChannel, update.Channel);
        Assert.Equal(ScorecardTs, update.Body["ts"]!.GetValue<string>());
        Assert.Contains("Rejected by", update.BlockText, StringComparison.Ordinal);
        Assert.Contains(update.Blocks, b => (string?)b!["block_id"] == "decision|" + DecisionTestData.InterviewId);
        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:r1", SlackBotHarness.Deadline, "the answer to the clicker");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        var history = await harness.Bot.Services.DecisionsAsync();
        Assert.Equal(HiringDecision.Reject, history.Current?.Decision);
        Assert.Equal(SlackBotHarness.Recruiter, history.Current?.ById);
    }

    [Fact]
    public async Task AdvanceClick_BySomeoneNotARecruiter_IsRefusedToThemAloneAndChangesNothing()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, "USAM", "advance", harness.Slack.ResponseUrl("r2")));

        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:r2", SlackBotHarness.Deadline, "the refusal");
        Assert.Contains("only recruiters", answer.Text + answer.BlockText, StringComparison.Ordinal);
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method is "chat.update" or "chat.postMessage");
        var history = await harness.Bot.Services.DecisionsAsync();
        Assert.Empty(history.Entries);
    }

    [Fact]
    public async Task AdvanceClick_PreviewsFeedbackWithAConfirmButton_AndOnlyARecruitersConfirmSendsItOnce()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);
        var store = harness.Bot.Services.GetRequiredService<IDecisionStore>();

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, "advance", harness.Slack.ResponseUrl("d1")));

        await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard");
        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d1", SlackBotHarness.Deadline, "the decision's answer with the preview");
        var decided = (await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Current!;
        Assert.Equal(HiringDecision.Advance, decided.Decision);
        Assert.Contains("would get (not sent)", answer.BlockText, StringComparison.Ordinal);
        var confirmBlock = answer.Blocks.OfType<JsonObject>().Single(b => (string?)b["block_id"] == DecisionPanel.SlackFeedbackBlockId);
        var value = confirmBlock["elements"]![0]!["value"]!.GetValue<string>();
        Assert.Equal(DecisionTestData.InterviewId + "|" + decided.Id, value);
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        var preview = new SlackApiCall("response_url:d1", new JsonObject { ["channel"] = SlackBotHarness.HiringChannel, ["text"] = answer.Text, ["blocks"] = answer.Blocks.DeepClone() }, null, "application/json", answer.Sequence);

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", "USAM", value, harness.Slack.ResponseUrl("d2")));
        var refusal = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d2", SlackBotHarness.Deadline, "the refusal of a non-recruiter's confirm");
        Assert.Contains("only recruiters", refusal.Text + refusal.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        Assert.DoesNotContain((await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Notes, n => n.Source == DecisionService.FeedbackSource);

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", SlackBotHarness.Recruiter, value, harness.Slack.ResponseUrl("d3")));
        var sent = await harness.Slack.WaitForAsync(c => c.Method == "chat.postMessage" && c.Channel == CandidateDm, SlackBotHarness.Deadline, "the feedback in the candidate's DM");
        Assert.Contains("Jane", sent.Text + sent.BlockText, StringComparison.Ordinal);
        var done = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d3", SlackBotHarness.Deadline, "the confirmation to the recruiter");
        Assert.Contains("the feedback about the decision (advance", done.Text + done.BlockText, StringComparison.Ordinal);
        await harness.Slack.WaitForAsync(c => c.Method == "chat.update" && c.BlockText.Contains("Feedback sent to the candidate (advanced).", StringComparison.Ordinal), SlackBotHarness.Deadline, "the scorecard's notes saying the feedback went");

        await harness.Client.SendAsync(harness.Requests.Click(preview, "1800000002.000100", SlackBotHarness.Recruiter, value, harness.Slack.ResponseUrl("d4")));
        var again = await harness.Slack.WaitForAsync(c => c.Method == "response_url:d4", SlackBotHarness.Deadline, "the refusal of a second send");
        Assert.Contains("already went to", again.Text + again.BlockText, StringComparison.Ordinal);
        Assert.Single(harness.Slack.Calls, c => c.Method == "chat.postMessage" && c.Channel == CandidateDm);
        Assert.Single((await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Notes, n => n.Source == DecisionService.FeedbackSource);
    }

    [Fact]
    public async Task AddNoteClick_ByARecruiter_StoresTheTypedNoteLikeTheCommandUpdatesTheMessageAndTheReportShowsIt()
    {
        await using var harness = await SlackBotHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Reports:BaseUrl"] = "https://bot.example.com",
            ["Reports:SigningKey"] = "a-test-signing-key-that-is-long-enough-1234",
        });
        await SeedAsync(harness);
        var store = harness.Bot.Services.GetRequiredService<IDecisionStore>();
        var posted = PostedScorecard();
        var input = posted.Blocks.OfType<JsonObject>().Single(b => (string?)b["type"] == "input");
        Assert.Equal("plain_text_input", (string?)input["element"]!["type"]);
        Assert.True((bool)input["element"]!["multiline"]!);
        Assert.Equal(DecisionEntry.MaxTextLength, (int)input["element"]!["max_length"]!);
        const string Note = "  Strong on *queues* & <!channel>; probe testing\nnext round  ";

        await harness.Client.SendAsync(harness.Requests.Click(posted, ScorecardTs, SlackBotHarness.Recruiter, DecisionPanel.NoteValue, harness.Slack.ResponseUrl("n1"), typed: Typed(Note)));

        var update = await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard with the note");
        Assert.Equal(ScorecardTs, update.Body["ts"]!.GetValue<string>());
        Assert.Contains("Strong on *\u200Bqueues*\u200B &amp; &lt;!channel&gt;; probe testing next round", update.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", update.BlockText, StringComparison.Ordinal);
        var freshInput = update.Blocks.OfType<JsonObject>().Single(b => (string?)b["type"] == "input");
        Assert.NotEqual((string?)input["block_id"], (string?)freshInput["block_id"]);
        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:n1", SlackBotHarness.Deadline, "the answer to the clicker");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.Contains("Noted on", answer.Text + answer.BlockText, StringComparison.Ordinal);

        await harness.Client.SendAsync(harness.Requests.Command($"note {DecisionTestData.InterviewId} typed as a command", SlackBotHarness.Recruiter, SlackBotHarness.HiringChannel, harness.Slack.ResponseUrl("n2")));
        await harness.Slack.WaitForAsync(c => c.Method == "response_url:n2" && (c.Text + c.BlockText).Contains("Noted on", StringComparison.Ordinal), SlackBotHarness.Deadline, "the note command's answer");

        var notes = (await store.GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Notes;
        Assert.Equal(2, notes.Count);
        var (clicked, command) = (notes[0], notes[1]);
        Assert.Equal("Strong on *queues* & <!channel>; probe testing\nnext round", clicked.Text);
        Assert.Equal("slack message", clicked.Source);
        Assert.Equal("command", command.Source);
        Assert.All(notes, n => Assert.Equal(SlackBotHarness.Recruiter, n.ById));
        Assert.Null(clicked.Decision);

        var link = new Uri(harness.Bot.Services.GetRequiredService<ReportLinks>().Create(DecisionTestData.InterviewId)!);
        using var browser = HeadlessChromium.Start(1280, 900);
        browser.Driver.Navigate().GoToUrl(new Uri(harness.Bot.BaseAddress, link.PathAndQuery));
        var heading = browser.Driver.FindElements(By.TagName("h2")).Single(h => h.Text == "Decision and notes");
        var items = heading.FindElement(By.XPath("following-sibling::ul[1]")).FindElements(By.TagName("li")).Select(li => li.Text).ToArray();
        Assert.Equal(2, items.Length);
        Assert.EndsWith("(slack message): Strong on *queues* & <!channel>; probe testing next round", items[0], StringComparison.Ordinal);
        Assert.EndsWith("(command): typed as a command", items[1], StringComparison.Ordinal);
        Assert.Empty(heading.FindElements(By.XPath("following-sibling::ul[1]//a | following-sibling::ul[1]//em | following-sibling::ul[1]//strong")));
    }

    [Fact]
    public async Task AddNoteClick_BySomeoneNotARecruiter_IsRefusedToThemAloneAndStoresNothing()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, "USAM", DecisionPanel.NoteValue, harness.Slack.ResponseUrl("n3"), typed: Typed("hire her")));

        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:n3", SlackBotHarness.Deadline, "the refusal");
        Assert.Contains("only recruiters", answer.Text + answer.BlockText, StringComparison.Ordinal);
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method is "chat.update" or "chat.postMessage");
        Assert.Empty((await harness.Bot.Services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Entries);
    }

    [Theory]
    [InlineData(null, 1, "The note field is empty; type your note above the buttons, then press Add note.")]
    [InlineData(" \n\t ", 1, "The note field is empty; type your note above the buttons, then press Add note.")]
    [InlineData("x", DecisionEntry.MaxTextLength + 1, "That note is 1001 characters; keep each note under 1000. Nothing was saved.")]
    public async Task AddNoteClick_EmptyOrTooLong_IsRefusedPolitelyToTheClickerAloneAndStoresNothing(string? typed, int times, string expected)
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);
        var text = typed is null ? null : string.Concat(Enumerable.Repeat(typed, times));

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, DecisionPanel.NoteValue, harness.Slack.ResponseUrl("n4"), typed: text is null ? null : Typed(text)));

        var answer = await harness.Slack.WaitForAsync(c => c.Method == "response_url:n4", SlackBotHarness.Deadline, "the refusal");
        Assert.Equal("ephemeral", answer.Body["response_type"]!.GetValue<string>());
        Assert.Contains(expected, answer.Text + answer.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Slack.Calls, c => c.Method is "chat.update" or "chat.postMessage");
        Assert.Empty((await harness.Bot.Services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task HoldClick_WithTextInTheNoteField_SavesItAsTheReason()
    {
        await using var harness = await SlackBotHarness.StartAsync();
        await SeedAsync(harness);

        await harness.Client.SendAsync(harness.Requests.Click(PostedScorecard(), ScorecardTs, SlackBotHarness.Recruiter, "hold", harness.Slack.ResponseUrl("h1"), typed: Typed("waiting for the second panel")));

        var update = await harness.Slack.WaitForAsync(c => c.Method == "chat.update", SlackBotHarness.Deadline, "chat.update of the scorecard");
        Assert.Contains("Reason: waiting for the second panel", update.BlockText, StringComparison.Ordinal);
        var current = (await harness.Bot.Services.GetRequiredService<IDecisionStore>().GetAsync(DecisionTestData.InterviewId, CancellationToken.None)).Current;
        Assert.Equal(HiringDecision.Hold, current?.Decision);
        Assert.Equal("waiting for the second panel", current?.Text);
    }

    private static Dictionary<string, string> Typed(string text) => new() { [DecisionPanel.SlackNoteActionId] = text };

    private const string CandidateDm = "D-candidate";

    private static Task<Interview> SeedAsync(SlackBotHarness harness)
    {
        var hiring = new ConversationAddress { ChannelId = "slack", ConversationId = SlackBotHarness.HiringChannel };
        var dm = new ConversationAddress { ChannelId = "slack", ConversationId = CandidateDm };
        return harness.Bot.Services.SeedFinishedAsync(hiring, ScorecardTs, candidateConversation: dm);
    }

    /// <summary>The scorecard as the bot posted it (its decision blocks are what the click comes from).</summary>
    private static SlackApiCall PostedScorecard()
    {
        var body = new JsonObject
        {
            ["channel"] = SlackBotHarness.HiringChannel,
            ["text"] = "Scorecard",
            ["blocks"] = DecisionPanel.SlackBlocks(DecisionTestData.InterviewId, DecisionHistory.Empty),
        };
        return new SlackApiCall("chat.postMessage", body, null, "application/json", 1);
    }
}
