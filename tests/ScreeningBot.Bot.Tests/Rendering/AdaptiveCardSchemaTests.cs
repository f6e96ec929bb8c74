extern alias JsonSchemaNet;

using System.Text.Json;
using System.Text.Json.Nodes;
using JsonSchemaNet::Json.Schema;
using ScreeningBot.Bot.Rendering;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>Every card the bot sends validates against the published Adaptive Card 1.5 schema (see Schemas/README.md).</summary>
public sealed class AdaptiveCardSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "Rendering", "Schemas", "adaptive-card-1.5.json")));

    public static TheoryData<string> Cards() => [.. Emitted.Keys];

    private static Dictionary<string, JsonObject> Emitted => new(StringComparer.Ordinal)
    {
        ["typical scorecard"] = AdaptiveCardRenderer.Render(ScorecardFixtures.Typical),
        ["scorecard with report link"] = AdaptiveCardRenderer.Render(ScorecardFixtures.Typical with { ReportUrl = "https://bot.example.com/reports/iv-1" }),
        ["huge hostile scorecard"] = AdaptiveCardRenderer.Render(ScorecardFixtures.Huge),
        ["hostile scorecard"] = AdaptiveCardRenderer.Render(ScorecardFixtures.Hostile),
        ["knockout"] = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.KnockedOut)),
        ["withdrawn"] = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.Withdrawn)),
        ["declined"] = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.Declined)),
        ["expired"] = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.Expired)),
        ["cancelled"] = AdaptiveCardRenderer.Render(ScorecardFixtures.NotScored(InterviewStatus.Cancelled)),
        ["not-screened notice"] = AdaptiveCardRenderer.RenderNotScored(NotScoredOutcome.From(new ScreeningNotice("iv-1", "Mallory " + ScorecardFixtures.Payload, "Senior Backend Developer", NotScreenedReason.ConsentDeclined, DateTimeOffset.UnixEpoch))),
        ["decided scorecard with the feedback preview"] = DecisionPanel.AdaptiveCard(ScorecardFixtures.Hostile, FeedbackCards.Decided, FeedbackCards.Preview),
        ["decided scorecard, feedback sent"] = DecisionPanel.AdaptiveCard(ScorecardFixtures.Hostile, FeedbackCards.Decided, FeedbackCards.Sent),
        ["prompt with buttons"] = AdaptiveCardRenderer.RenderPrompt(new Reply { Text = "Ready?", QuestionId = "consent", Choices = [new Choice("Yes", "yes"), new Choice("No", "no")] }),
        ["prompt with a drop-down"] = AdaptiveCardRenderer.RenderPrompt(new Reply { Text = "Pick one", QuestionId = "overlap", Choices = [.. Enumerable.Range(1, 8).Select(i => new Choice($"Option {i}", $"v{i}"))] }),
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void EmittedCard_ValidatesAgainstAdaptiveCard15Schema(string name)
    {
        var errors = Validate(Emitted[name]);

        Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void Validate_UnknownPropertyOnATextBlock_IsReported()
    {
        var card = AdaptiveCardRenderer.Render(ScorecardFixtures.Typical);
        ((JsonObject)card["body"]![0]!["items"]![0]!)["italic"] = true;

        Assert.NotEmpty(Validate(card));
    }

    /// <summary>The schema's errors for a card; Teams' <c>msteams</c> host extension is not in the schema and is removed first.</summary>
    internal static List<string> Validate(JsonObject card)
    {
        var copy = (JsonObject)card.DeepClone();
        copy.Remove("msteams");
        using var document = JsonDocument.Parse(copy.ToJsonString());
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid
            ? []
            : [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}").Distinct().Take(20)];
    }
}
