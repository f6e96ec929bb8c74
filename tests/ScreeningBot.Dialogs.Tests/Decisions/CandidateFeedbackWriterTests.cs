using ScreeningBot.Dialogs.Decisions;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Tests.Decisions;

/// <summary>The candidate's feedback names skills from the evidence, never a score, and never a banned topic.</summary>
public sealed class CandidateFeedbackWriterTests
{
    private static readonly Scorecard Card = new()
    {
        InterviewId = "i-1",
        ProfileId = "backend",
        ProfileTitle = "Backend Developer",
        CandidateName = "Jane Doe",
        Outcome = InterviewStatus.Completed,
        CompositeScore = 81,
        Recommendation = Recommendation.Yes,
        Confidence = 0.8,
        CoveragePercent = 100,
        SuggestedNextStep = "Probe caching.",
        Summary = "Solid answers.",
        JudgeDescription = "rubric",
        StartedAt = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero),
        CompletedAt = new DateTimeOffset(2026, 12, 1, 9, 40, 0, TimeSpan.Zero),
        RequiredSkills =
        [
            new SkillLine("api", "API design", 8.5, null),
            new SkillLine("visa", "Work visa sponsorship history", 9.0, null),
            new SkillLine("caching", "Caching", 3.0, null),
        ],
    };

    [Fact]
    public void Compose_WithEvidence_NamesStrengthsAndAreasWithoutScores()
    {
        var text = CandidateFeedbackWriter.Compose("Jane", "Backend Developer", HiringDecision.Advance, Card, withEvidence: true);

        Assert.Contains("API design", text, StringComparison.Ordinal);
        Assert.Contains("Caching", text, StringComparison.Ordinal);
        Assert.DoesNotContain("8.5", text, StringComparison.Ordinal);
        Assert.DoesNotContain("81", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_SkillTouchingABannedTopic_IsNeverNamed()
    {
        var text = CandidateFeedbackWriter.Compose("Jane", "Backend Developer", HiringDecision.Advance, Card, withEvidence: true, bannedTopics: ["visa"]);

        Assert.DoesNotContain("visa", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("API design", text, StringComparison.Ordinal);
    }
}
