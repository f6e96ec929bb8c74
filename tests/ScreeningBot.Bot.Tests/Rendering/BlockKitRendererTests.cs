using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

public sealed class BlockKitRendererTests
{
    private static Scorecard Scorecard(Func<Scorecard, Scorecard>? edit = null)
    {
        var card = new Scorecard
        {
            InterviewId = "iv-abcdefghijklmnopqrst",
            ProfileId = "backend-senior",
            ProfileTitle = "Senior Backend Developer",
            CandidateName = "Jane Doe",
            Outcome = InterviewStatus.Completed,
            CompositeScore = 78,
            Recommendation = Recommendation.Yes,
            Confidence = 0.72,
            CoveragePercent = 100,
            Knockouts = [new KnockoutLine("api-design-years", "Years designing APIs?", "6", true)],
            Dimensions = [new DimensionLine("technical-depth", "Technical depth", 30, 7.5, "idempotency keys")],
            Strengths = ["Designs idempotent APIs"],
            Risks = ["Little Kubernetes"],
            NotableQuotes = [new Quote("challenging-api", "I introduced idempotency keys on every POST")],
            SuggestedNextStep = "Invite to the system design interview.",
            Summary = "Strong API and database depth.",
            JudgeDescription = "offline rubric judge",
            StartedAt = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
            CompletedAt = new DateTimeOffset(2026, 11, 23, 9, 40, 0, TimeSpan.Zero),
            ActiveDuration = TimeSpan.FromMinutes(35),
        };
        return edit is null ? card : edit(card);
    }

    private static Scorecard HugeScorecard()
    {
        var paragraph = string.Concat(Enumerable.Repeat("A very long answer about queues, retries & <idempotency>. ", 200));
        return Scorecard(c => c with
        {
            CandidateName = new string('J', 400),
            Summary = paragraph,
            Knockouts = [.. Enumerable.Range(1, 30).Select(i => new KnockoutLine($"k{i}", "Question " + paragraph, paragraph, i % 2 == 0))],
            Dimensions = [.. Enumerable.Range(1, 37).Select(i => new DimensionLine($"d{i}", $"Dimension {i} " + paragraph, 3, i % 10, paragraph))],
            RequiredSkills = [.. Enumerable.Range(1, 25).Select(i => new SkillLine($"s{i}", "Skill " + paragraph, 6, paragraph))],
            Competencies = [.. Enumerable.Range(1, 20).Select(i => new CompetencyLine($"c{i}", paragraph, i % 3 == 0, paragraph))],
            Strengths = [.. Enumerable.Range(1, 40).Select(_ => paragraph)],
            Risks = [.. Enumerable.Range(1, 40).Select(_ => paragraph)],
            NotableQuotes = [.. Enumerable.Range(1, 10).Select(i => new Quote($"q{i}", paragraph))],
            SuggestedNextStep = paragraph,
            JudgeDescription = paragraph,
            ReportUrl = "https://bot.example.com/reports/iv-abcdefghijklmnopqrst",
        });
    }

    [Fact]
    public void RenderScorecard_Typical_ShowsVerdictScoresAndQuoteInOneMessage()
    {
        var sut = BlockKitRenderer.RenderScorecard(Scorecard());

        var message = Assert.Single(sut);
        var header = message.Blocks[0]!.AsObject();
        Assert.Equal("header", (string?)header["type"]);
        Assert.Contains("Yes · 78/100 · Jane Doe", (string?)header["text"]!["text"], StringComparison.Ordinal);
        var all = AllText(message.Blocks);
        Assert.Contains("*Composite score*\n78/100", all, StringComparison.Ordinal);
        Assert.Contains("Years designing APIs?", all, StringComparison.Ordinal);
        Assert.Contains("Technical depth", all, StringComparison.Ordinal);
        Assert.Contains("7.5/10", all, StringComparison.Ordinal);
        Assert.Contains("Designs idempotent APIs", all, StringComparison.Ordinal);
        Assert.Contains("Little Kubernetes", all, StringComparison.Ordinal);
        Assert.Contains("idempotency keys on every POST", all, StringComparison.Ordinal);
        Assert.StartsWith("Scorecard: Yes · 78/100 · Jane Doe", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderScorecard_LongContent_EveryMessageWithinBlockKitLimits()
    {
        var sut = BlockKitRenderer.RenderScorecard(HugeScorecard());

        Assert.True(sut.Count > 1, "a scorecard this long should continue in a second message");
        AssertEveryMessageWithinLimits(sut);
        Assert.Equal("header", (string?)sut[0].Blocks[0]!["type"]);
        Assert.Contains("*Composite score*", AllText(sut[0].Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void DecisionPanel_HugeScorecardWithLongestReasonsAndNotes_MainMessageKeepsTheNoteFieldAndButtonsWithinLimits()
    {
        var longest = string.Concat(Enumerable.Repeat("*queue* <!channel> & ", 60))[..DecisionEntry.MaxTextLength];
        var at = new DateTimeOffset(2026, 12, 7, 18, 0, 0, TimeSpan.Zero);
        var entries = Enumerable.Range(0, 12).Select(i => new DecisionEntry
        {
            Id = $"{i:D4}",
            InterviewId = "iv-abcdefghijklmnopqrst",
            At = at.AddMinutes(i),
            ById = "U" + i,
            ByName = new string('R', 80),
            Decision = i % 3 == 0 ? HiringDecision.Reject : null,
            Text = longest,
        });

        var sut = DecisionPanel.SlackMessages(HugeScorecard(), new DecisionHistory(entries));

        AssertEveryMessageWithinLimits(sut);
        var main = sut[0].Blocks.Select(b => b!.AsObject()).ToList();
        var input = Assert.Single(main, b => (string?)b["type"] == "input");
        Assert.Equal(DecisionPanel.SlackNoteActionId, (string?)input["element"]!["action_id"]);
        Assert.True(DecisionPanel.IsSlackNoteBlock((string?)input["block_id"], "iv-abcdefghijklmnopqrst"));
        var buttons = Assert.Single(main, b => (string?)b["block_id"] == DecisionPanel.SlackBlockPrefix + "iv-abcdefghijklmnopqrst")["elements"]!.AsArray();
        Assert.Equal(["advance", "reject", "hold", DecisionPanel.NoteValue], buttons.Select(b => (string?)b!["value"]));
        Assert.DoesNotContain("<!channel>", AllText(sut[0].Blocks), StringComparison.Ordinal);
    }

    private static void AssertEveryMessageWithinLimits(IReadOnlyList<SlackMessage> messages)
    {
        foreach (var message in messages)
        {
            Assert.False(string.IsNullOrWhiteSpace(message.Text));
            Assert.InRange(message.Text.Length, 1, 40_000);
            Assert.InRange(message.Blocks.Count, 1, BlockKitLimits.BlocksPerMessage);
            Assert.InRange(BlockKitRenderer.TextLength(message.Blocks), 1, BlockKitLimits.MessageCharacters);
            foreach (var block in message.Blocks.Select(b => b!.AsObject()))
            {
                AssertWithinLimits(block);
            }
        }
    }

    [Fact]
    public void RenderScorecard_CandidateTextWithMentions_IsEscaped()
    {
        var sut = BlockKitRenderer.RenderScorecard(Scorecard(c => c with
        {
            CandidateName = "Jane <!channel>",
            NotableQuotes = [new Quote("q", "ping <!here> and <@U123|boss> & <https://evil.example|click>")],
            Strengths = ["<!everyone>"],
        }));

        var json = string.Join("", sut.Select(m => m.ToJson().ToJsonString()));
        var texts = sut.SelectMany(m => Strings(m.ToJson())).ToList();
        Assert.DoesNotContain(texts, t => t.Contains("<!", StringComparison.Ordinal) || t.Contains("<@", StringComparison.Ordinal) || t.Contains("<http", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("&lt;!here&gt;", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("&amp; &lt;https://evil.example|click&gt;", StringComparison.Ordinal));
        Assert.NotEmpty(json);
    }

    [Fact]
    public void RenderReply_WithChoices_RendersMrkdwnAndButtonsTaggedWithTheQuestion()
    {
        var reply = new Reply
        {
            Text = "**Question 1 of 4.** Do you have <5> years & counting?",
            Choices = [new Choice("Yes", "yes"), new Choice(new string('N', 100), "no")],
            Kind = ReplyKind.Prompt,
            QuestionId = "api-design-years",
        };

        var sut = BlockKitRenderer.RenderReply(reply);

        var section = sut.Blocks[0]!.AsObject();
        Assert.Equal("*Question 1 of 4.* Do you have &lt;5&gt; years &amp; counting?", (string?)section["text"]!["text"]);
        Assert.Equal("prompt|api-design-years", (string?)section["block_id"]);
        var actions = sut.Blocks[1]!.AsObject();
        Assert.Equal("actions", (string?)actions["type"]);
        Assert.Equal("api-design-years", BlockKitRenderer.QuestionIdOf((string?)actions["block_id"]));
        var buttons = actions["elements"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal(["yes", "no"], buttons.Select(b => (string?)b["value"]));
        Assert.All(buttons, b => Assert.InRange(((string?)b["text"]!["text"])!.Length, 1, BlockKitLimits.ButtonText));
        Assert.Equal("Question 1 of 4. Do you have &lt;5&gt; years &amp; counting?", sut.Text);
    }

    [Fact]
    public void RenderReply_TextLongerThanASection_IsSplitAcrossSections()
    {
        var text = string.Join("\n\n", Enumerable.Range(1, 10).Select(i => $"Paragraph {i}: " + new string('x', 900)));

        var sut = BlockKitRenderer.RenderReply(Reply.Message(text));

        Assert.True(sut.Blocks.Count >= 3);
        Assert.All(sut.Blocks, b => Assert.InRange(((string?)b!["text"]!["text"])!.Length, 1, BlockKitLimits.SectionText));
        Assert.Contains("Paragraph 10", AllText(sut.Blocks), StringComparison.Ordinal);
    }

    [Fact]
    public void AnsweredBlocks_ReplacesButtonsWithTheChoice()
    {
        var prompt = BlockKitRenderer.RenderReply(new Reply { Text = "Ready?", Choices = [new Choice("Yes", "yes"), new Choice("No", "no")], QuestionId = "consent" });

        var sut = BlockKitRenderer.AnsweredBlocks(prompt.Blocks, "Yes <!channel>");

        Assert.DoesNotContain(sut, b => (string?)b!["type"] == "actions");
        Assert.Equal("Ready?", (string?)sut[0]!["text"]!["text"]);
        Assert.Equal("You chose: *Yes &lt;!channel&gt;*", (string?)sut[^1]!["elements"]![0]!["text"]);
    }

    [Theory]
    [InlineData("answer|consent|0", "consent")]
    [InlineData("answer||0", "")]
    [InlineData("prompt|consent", null)]
    [InlineData(null, null)]
    public void QuestionIdOf_BlockIds_AreParsed(string? blockId, string? expected)
    {
        Assert.Equal(expected, BlockKitRenderer.QuestionIdOf(blockId));
    }

    private static void AssertWithinLimits(JsonObject block)
    {
        var json = block.ToJsonString();
        Assert.InRange(((string?)block["block_id"] ?? string.Empty).Length, 0, BlockKitLimits.BlockId);
        switch ((string?)block["type"])
        {
            case "header":
                Assert.InRange(((string?)block["text"]!["text"])!.Length, 1, BlockKitLimits.HeaderText);
                break;
            case "section" when block["fields"] is JsonArray fields:
                Assert.InRange(fields.Count, 1, BlockKitLimits.SectionFields);
                Assert.All(fields, f => Assert.InRange(((string?)f!["text"])!.Length, 1, BlockKitLimits.FieldText));
                break;
            case "section":
                Assert.InRange(((string?)block["text"]!["text"])!.Length, 1, BlockKitLimits.SectionText);
                break;
            case "context":
                Assert.InRange(block["elements"]!.AsArray().Count, 1, BlockKitLimits.ContextElements);
                break;
            case "actions":
                Assert.InRange(block["elements"]!.AsArray().Count, 1, BlockKitLimits.ActionsElements);
                Assert.All(block["elements"]!.AsArray(), b =>
                {
                    Assert.InRange(((string?)b!["text"]!["text"])!.Length, 1, BlockKitLimits.ButtonText);
                    Assert.InRange(((string?)b["value"] ?? string.Empty).Length, 0, BlockKitLimits.ButtonValue);
                });
                break;
            case "input":
                Assert.InRange(((string?)block["label"]!["text"])!.Length, 1, BlockKitLimits.InputLabel);
                Assert.InRange(((string?)block["hint"]?["text"] ?? string.Empty).Length, 0, BlockKitLimits.InputLabel);
                Assert.Equal("plain_text_input", (string?)block["element"]!["type"]);
                Assert.InRange((int)block["element"]!["max_length"]!, 1, BlockKitLimits.PlainTextInputLength);
                Assert.InRange(((string?)block["element"]!["placeholder"]!["text"])!.Length, 1, BlockKitLimits.Placeholder);
                break;
            case "divider":
                break;
            default:
                Assert.Fail("unexpected block " + json);
                break;
        }
    }

    private static string AllText(JsonNode? node) => string.Join("\n", Strings(node));

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
