using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Bot.Tests.Rendering;

/// <summary>Scorecards for renderer tests, including one with far more content than any real screen produces.</summary>
internal static class ScorecardFixtures
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Scorecard Typical { get; } = new()
    {
        InterviewId = "iv-abcdefghijklmnopqrst",
        ProfileId = "backend-senior",
        ProfileTitle = "Senior Backend Developer",
        CandidateName = "Jane Doe",
        Outcome = InterviewStatus.Completed,
        CompositeScore = 78,
        Recommendation = Recommendation.Yes,
        Confidence = 0.82,
        CoveragePercent = 100,
        Knockouts = [new("api-years", "Years designing APIs?", "6", true)],
        Dimensions = [new("technical-depth", "Technical depth", 25, 7.8, "We cut p95 from 2.4 s to 80 ms.")],
        Strengths = ["Strong technical depth (7.8/10)"],
        Risks = ["Weak communication (4/10)"],
        NotableQuotes = [new("db", "We cut p95 from 2.4 s to 80 ms.")],
        SuggestedNextStep = "Invite to the technical interview.",
        Summary = "Jane Doe completed the screen.",
        JudgeDescription = "Offline rubric judge",
        StartedAt = Start,
        CompletedAt = Start.AddMinutes(42),
        ActiveDuration = TimeSpan.FromMinutes(40),
    };

    /// <summary>Every list long and every text huge, with hostile content in candidate-supplied fields.</summary>
    public static Scorecard Huge
    {
        get
        {
            var long5k = string.Concat(Enumerable.Repeat("very long candidate text ", 200));
            return Typical with
            {
                CandidateName = "<b>Mallory</b> [click](http://evil.example)",
                Knockouts = [.. Enumerable.Range(0, 40).Select(i => new KnockoutLine($"k{i}", long5k, long5k, i % 2 == 0))],
                Dimensions = [.. Enumerable.Range(0, 30).Select(i => new DimensionLine($"d{i}", $"Dimension {i} {long5k}", 3, 5.5, long5k))],
                RequiredSkills = [.. Enumerable.Range(0, 30).Select(i => new SkillLine($"s{i}", $"Skill {i}", 6, long5k))],
                Competencies = [.. Enumerable.Range(0, 30).Select(i => new CompetencyLine($"c{i}", long5k, i % 2 == 0, long5k))],
                Strengths = [.. Enumerable.Range(0, 50).Select(i => $"Strength {i}: {long5k}")],
                Risks = [.. Enumerable.Range(0, 50).Select(i => $"Risk {i}: {long5k}")],
                NotableQuotes = [.. Enumerable.Range(0, 20).Select(i => new Quote($"q{i}", "<script>alert(1)</script> " + long5k))],
                Summary = long5k,
                SuggestedNextStep = long5k,
            };
        }
    }
}
