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

    /// <summary>What a hostile candidate can put on a scorecard: a masked link, mentions, Markdown, HTML, in every field that carries their words.</summary>
    public const string Payload = "[HR portal](https://attacker.example/login) <!channel> <@U123> **urgent** _now_ `code` <b>bold</b> <https://attacker.example|click>";

    public static Scorecard Hostile { get; } = Typical with
    {
        CandidateName = "Mallory " + Payload,
        Summary = "Mallory " + Payload + " completed the screen.",
        Knockouts = [new("api-years", "Years designing APIs?", Payload, true)],
        Dimensions = [new("technical-depth", "Technical depth", 25, 7.8, Payload)],
        RequiredSkills = [new("api", "API design", 7, Payload)],
        Competencies = [new("owns", "Owns incidents", true, Payload)],
        Strengths = ["API: covered versioning (“" + Payload + "”)"],
        Risks = ["Cache: did not address invalidation (“" + Payload + "”)"],
        NotableQuotes = [new("db", Payload)],
        Rationale = "The model said " + Payload,
        SuggestedNextStep = "Probe " + Payload,
        JudgeDescription = "LLM judge " + Payload,
        Integrity = [new IntegrityFlag("db", "markup", Payload)],
    };

    /// <summary>A screen that ended without a score, with a failed knockout whose question is longer than any cut.</summary>
    public static Scorecard NotScored(InterviewStatus outcome) => Typical with
    {
        Outcome = outcome,
        CompositeScore = 0,
        Recommendation = Recommendation.No,
        CoveragePercent = 40,
        Knockouts = outcome == InterviewStatus.KnockedOut
            ? [new("overlap", LongKnockoutQuestion, "None of them", false)]
            : [new("api-years", "Years designing APIs?", "6", true)],
        Strengths = [],
        Risks = ["Screen not completed"],
        SuggestedNextStep = "The candidate withdrew. No action needed unless they ask to restart.",
    };

    public const string LongKnockoutQuestion = "How many working hours can you overlap with 09:00 to 17:00 Central European Time, counting days when you travel or work from another time zone?";
}
