using System.Text;
using System.Text.Json.Nodes;
using ScreeningBot.Bot.Rendering;

namespace ScreeningBot.Bot.Tests.Rendering;

public sealed class AdaptiveCardRendererTests
{
    [Fact]
    public void Render_Typical_IsAnAdaptiveCard15WithTheHeadline()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Typical);

        Assert.Equal("AdaptiveCard", (string?)card["type"]);
        Assert.Equal("1.5", (string?)card["version"]);
        Assert.Equal("Yes · 78/100", (string?)card["body"]![0]!["items"]![0]!["text"]);
        Assert.Equal("good", (string?)card["body"]![0]!["style"]);
        var text = card.ToJsonString();
        Assert.Contains("Technical depth (25%)", text, StringComparison.Ordinal);
        Assert.Contains("Invite to the technical interview.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_HugeScorecard_StaysFarBelowTeamsMessageLimit()
    {
        var json = AdaptiveCardRenderer.Render(ScorecardFixtures.Huge).ToJsonString();

        // Teams counts the payload as UTF-16 (2 bytes per char) against ~100 KB; keep well under 80 KB.
        var utf16Bytes = Encoding.Unicode.GetByteCount(json);
        Assert.True(utf16Bytes < 80_000, $"card is {utf16Bytes:N0} bytes as UTF-16");
        Assert.NotNull(JsonNode.Parse(json));
    }

    [Fact]
    public void Render_HugeScorecard_TrimsEveryTextBlock()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Huge);

        var blocks = ((JsonArray)card["body"]!).Select(b => (string?)b!["text"]).Where(t => t is not null).ToArray();
        Assert.NotEmpty(blocks);
        Assert.All(blocks, t => Assert.True(t!.Length <= 1_000, $"a text block of {t.Length} characters"));
    }

    [Fact]
    public void Render_WithReportUrl_AddsOpenUrlAction()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Typical with { ReportUrl = "https://bot.example.com/reports/iv-1" });

        var action = card["actions"]![0]!;
        Assert.Equal("Action.OpenUrl", (string?)action["type"]);
        Assert.Equal("https://bot.example.com/reports/iv-1", (string?)action["url"]);
    }
}
