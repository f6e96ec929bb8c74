using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Testing;

/// <summary>Small profiles built in code, for dialog tests that must not depend on the shipped YAML.</summary>
public static class SampleProfiles
{
    /// <summary>
    /// Two knockouts (≥ 3 years; start within a month), two custom questions (quick template: one adaptive
    /// follow-up), one blueprint with two fixed follow-ups, a three-dimension rubric.
    /// </summary>
    public static Profile Backend { get; } = new()
    {
        Id = "sample-backend",
        Title = "Backend Developer",
        JobFamily = "engineering",
        Brief = "You'll build and run the APIs behind our product.",
        DurationMinutes = 30,
        Template = InterviewTemplate.Quick,
        BannedTopics = ["age", "religion"],
        Knockouts =
        [
            new Knockout { Id = "api-years", Question = "How many years have you designed APIs?", Type = KnockoutAnswerType.Number, Unit = "years", FailIf = "< 3", Rule = new NumberRule(ComparisonOperator.LessThan, 3) },
            new Knockout { Id = "start-date", Question = "When could you start?", Type = KnockoutAnswerType.Date, FailIf = "> +1m", Rule = new DateRule(ComparisonOperator.GreaterThan, null, 0, 1) },
        ],
        RequiredSkills =
        [
            new Skill { Id = "api-design", Name = "API design", Signals = ["REST", "pagination"] },
            new Skill { Id = "databases", Name = "Databases", Signals = ["index", "PostgreSQL"] },
            new Skill { Id = "reliability", Name = "Reliability", Signals = ["SLO", "on-call"] },
        ],
        PreferredSkills = [new Skill { Id = "kafka", Name = "Kafka" }],
        Competencies =
        [
            new Competency { Id = "ownership", Statement = "Owns incidents end to end", Questions = ["incident"], Signals = ["on-call", "postmortem"] },
        ],
        CustomQuestions =
        [
            new CustomQuestion
            {
                Id = "api", Text = "Tell me about an API you designed.", KnowledgeAreas = ["versioning", "pagination"],
                Skills = ["api-design"], Dimensions = ["depth", "api"],
                FollowUps = [new AdaptiveFollowUp("metrics", "What did you measure to know the API worked well?")],
            },
            new CustomQuestion
            {
                Id = "incident", Text = "Tell me about a production incident you handled.", KnowledgeAreas = ["detection", "postmortem"],
                Skills = ["reliability"], Dimensions = ["depth"],
            },
        ],
        Blueprints =
        [
            new Blueprint
            {
                Id = "cache", Text = "How would you add caching to a read-heavy API?", KnowledgeAreas = ["cache-aside", "ttl"],
                ReferenceAnswer = "Cache-aside with Redis, TTLs and explicit invalidation on writes.",
                Skills = ["databases"], Dimensions = ["depth"],
                FollowUps =
                [
                    new BlueprintFollowUp { Id = "cache.f1", Text = "How do you invalidate?", KnowledgeAreas = ["invalidation"] },
                    new BlueprintFollowUp { Id = "cache.f2", Text = "What happens on a cache stampede?", KnowledgeAreas = ["stampede"] },
                ],
            },
        ],
        Rubric =
        [
            new RubricDimension { Id = "depth", Name = "Technical depth", Weight = 60 },
            new RubricDimension { Id = "api", Name = "API design", Weight = 30 },
            new RubricDimension { Id = "communication", Name = "Communication", Weight = 10, Measure = DimensionMeasure.Specificity },
        ],
        ContentHash = "sample-v1",
    };

    /// <summary><see cref="Backend"/> plus a language assessment in German (target B2).</summary>
    public static Profile WithLanguage { get; } = Backend with
    {
        Id = "sample-language",
        LanguageAssessment = new LanguageAssessment
        {
            Language = "de",
            TargetLevel = CefrLevel.B2,
            Questions = ["Beschreiben Sie bitte Ihr letztes Projekt."],
        },
        ContentHash = "sample-language-v1",
    };
}
