using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Testing;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Tests.Profiles;

/// <summary>The profiles and question bank shipped in <c>profiles/</c>: they load cleanly and hold what recruiters were promised.</summary>
public sealed partial class ShippedProfilesTests
{
    /// <summary>The topics the bank must cover, by id.</summary>
    public static readonly TheoryData<string> RequiredBankIds =
    [
        "rest-endpoint-design",
        "traffic-spike-10x",
        "acid-money-transfer",
        "slow-sql-query",
        "sql-vs-nosql-cap",
        "async-threads-processes",
        "api-versioning",
        "rest-vs-graphql",
        "api-security",
        "ci-cd-pipeline",
        "containers-in-production",
        "logs-metrics-traces",
        "production-outage",
        "caching-invalidation",
        "sync-api-vs-message-queue",
        "horizontal-vs-vertical-scaling",
        "safe-schema-migrations",
        "idempotent-payment-api",
        "rate-limiter-design",
        "p95-latency-regression",
        "database-cpu-saturation",
        "microservices-growing-saas",
    ];

    private static string BankAnswersPath => Path.Combine(RepositoryPaths.Root, "tests", "ScreeningBot.Dialogs.Tests", "Judging", "bank-answers.yaml");

    [Fact]
    public void Catalog_ShippedProfiles_LoadWithZeroErrors()
    {
        var sut = TestProfiles.Catalog;

        Assert.True(!sut.HasErrors, string.Join('\n', sut.Errors.SelectMany(e => e.Value)));
        Assert.Equal(["backend-go-distributed", "backend-java-fintech", "backend-mid", "backend-remote", "backend-senior"], sut.Profiles.Select(p => p.Id));
        Assert.All(sut.Profiles, p => Assert.Matches("^[0-9a-f]{16}$", p.ContentHash));
    }

    /// <summary>The 25 standard backend interview topics of issue 22, as the tag each question carries for it.</summary>
    public static readonly IReadOnlyList<string> StandardTopics =
    [
        "api-design", "auth", "contract-testing", "query-tuning", "indexing", "normalisation", "migrations", "transactions",
        "caching", "messaging", "idempotency", "cross-service-consistency", "rate-limiting", "observability", "incidents",
        "scalability", "failure-handling", "security", "testing-strategy", "ci-cd", "containers", "concurrency", "debugging",
        "ai-assisted-development", "communication",
    ];

    [Fact]
    public void Catalog_ShippedProfilesTogether_CoverAtLeastTwentyOfTheTwentyFiveStandardTopics()
    {
        var tags = TestProfiles.Catalog.Profiles
            .SelectMany(p => p.CustomQuestions.SelectMany(q => q.Tags).Concat(p.Blueprints.SelectMany(b => b.Tags)))
            .ToHashSet(StringComparer.Ordinal);

        var covered = StandardTopics.Where(tags.Contains).ToArray();

        Assert.True(covered.Length >= 20, $"{covered.Length} of 25 covered; missing: {string.Join(", ", StandardTopics.Except(covered))}");
    }

    [Fact]
    public void Catalog_EveryShippedProfile_AsksAtLeastOnePressureTest()
    {
        Assert.All(TestProfiles.Catalog.Profiles.Where(p => p.Id is "backend-java-fintech" or "backend-go-distributed"), p =>
            Assert.Contains(p.CustomQuestions.SelectMany(q => q.FollowUps.Select(f => f.Kind)).Concat(p.Blueprints.SelectMany(b => b.FollowUps.Select(f => f.Kind))), k => k == FollowUpKind.PressureTest));
    }

    [Fact]
    public void Bank_HasAtLeastTwentyBlueprints()
    {
        Assert.InRange(TestProfiles.Catalog.Bank.Count, 20, 200);
    }

    [Theory]
    [MemberData(nameof(RequiredBankIds))]
    public void Bank_RequiredTopic_IsPresent(string id)
    {
        Assert.True(TestProfiles.Catalog.Bank.TryGet(id, out _), $"the bank has no blueprint '{id}'");
    }

    [Fact]
    public void Bank_EveryBlueprint_HasTwoToThreeFollowUpsKnowledgeAreasAndASubstantiveReferenceAnswer()
    {
        Assert.All(TestProfiles.Catalog.Bank.Blueprints, b =>
        {
            Assert.InRange(b.FollowUps.Count(f => f.Kind == FollowUpKind.Probe), 2, 3);
            Assert.InRange(b.FollowUps.Count(f => f.Kind == FollowUpKind.PressureTest), 0, 1);
            Assert.InRange(b.KnowledgeAreas.Count, 4, 6);
            Assert.InRange(WordCount(b.ReferenceAnswer), 120, 300);
            Assert.NotEmpty(b.Tags);
            Assert.All(b.FollowUps, f =>
            {
                Assert.NotEmpty(f.KnowledgeAreas);
                Assert.InRange(WordCount(f.ReferenceAnswer!), 40, 200);
                Assert.StartsWith(b.Id + ".f", f.Id, StringComparison.Ordinal);
            });
        });
    }

    [Fact]
    public void BackendSenior_Rubric_HasTheAgreedWeights()
    {
        var sut = TestProfiles.BackendSenior;

        Assert.Equal(
            [("technical-depth", 25), ("api-design", 20), ("database-optimisation", 18), ("service-reliability", 15), ("problem-solving", 10), ("communication", 7), ("blueprint-depth", 5)],
            sut.Rubric.Select(d => (d.Id, d.Weight)));
        Assert.Equal(DimensionMeasure.Clarity, sut.Rubric.Single(d => d.Id == "communication").Measure);
    }

    [Fact]
    public void BackendSenior_Knockouts_CheckApiYearsAndStartDate()
    {
        var sut = TestProfiles.BackendSenior;

        var years = sut.Knockouts.Single(k => k.Id == "api-design-years");
        Assert.Equal(KnockoutAnswerType.Number, years.Type);
        Assert.Equal("years", years.Unit);
        Assert.Equal(new NumberRule(ComparisonOperator.LessThan, 3), years.Rule);
        var start = sut.Knockouts.Single(k => k.Id == "start-date");
        Assert.Equal(new DateRule(ComparisonOperator.GreaterThan, null, 0, 4), start.Rule);
        Assert.True(string.IsNullOrEmpty(start.Hint), "the bot computes the date examples");
        // Three months' notice to the end of a month, given a week after the screen, still passes; half a year does not.
        Assert.False(KnockoutRuleEvaluator.Fails(start.Rule, new DateOnly(2026, 5, 1), new DateOnly(2026, 1, 20)));
        Assert.True(KnockoutRuleEvaluator.Fails(start.Rule, new DateOnly(2026, 7, 1), new DateOnly(2026, 1, 20)));
    }

    [Fact]
    public void BackendSenior_Shape_MatchesTheRole()
    {
        var sut = TestProfiles.BackendSenior;

        Assert.Equal(InterviewTemplate.Standard, sut.Template);
        Assert.Equal(45, sut.DurationMinutes);
        Assert.Equal(["api-design", "database-performance", "concurrency-async", "reliability-observability"], sut.RequiredSkills.Select(s => s.Id));
        Assert.All(sut.RequiredSkills, s => Assert.InRange(s.Signals.Count, 5, 30));
        Assert.Equal(["kafka", "kubernetes"], sut.PreferredSkills.Select(s => s.Id));
        Assert.Equal(3, sut.Competencies.Count);
        Assert.All(sut.Competencies, c =>
        {
            Assert.True(c.MustHave);
            Assert.NotEmpty(c.Questions);
            Assert.NotEmpty(c.Signals);
        });
        Assert.Equal(["challenging-api", "database-optimisation", "reliability-improvement", "async-backend-work"], sut.CustomQuestions.Select(q => q.Id));
        Assert.All(sut.CustomQuestions, q =>
        {
            Assert.InRange(q.FollowUps.Count, 3, 5);
            Assert.NotEmpty(q.KnowledgeAreas);
            Assert.NotEmpty(q.Skills);
            Assert.NotEmpty(q.Dimensions);
        });
        Assert.Equal(["microservices-growing-saas", "caching-invalidation"], sut.Blueprints.Select(b => b.Id));
        Assert.All(sut.Blueprints, b => Assert.Contains("blueprint-depth", b.Dimensions));
        Assert.Superset(new HashSet<string>(["age or date of birth", "pregnancy", "religion", "salary history", "health or disability"]), sut.BannedTopics.ToHashSet());
        Assert.NotEmpty(sut.CompanyInstructions);
        Assert.NotEmpty(sut.EvaluationNotes);
    }

    [Fact]
    public void BackendRemote_LanguageAssessment_ChecksWrittenEnglishAgainstB2()
    {
        var sut = TestProfiles.Catalog.Get("backend-remote");

        Assert.Equal("en", sut.Language);
        Assert.Equal("en", sut.LanguageAssessment!.Language);
        Assert.Equal(CefrLevel.B2, sut.LanguageAssessment.TargetLevel);
        Assert.Equal(3, sut.LanguageAssessment.Questions.Count);
        Assert.Equal(["idempotent-payment-api", "production-outage", "traffic-spike-10x"], sut.Blueprints.Select(b => b.Id));
        Assert.All(sut.Blueprints, b => Assert.True(TestProfiles.Catalog.Bank.TryGet(b.Id, out _), $"{b.Id} is not from the bank"));
        Assert.Equal(100, sut.Rubric.Sum(d => d.Weight));
    }

    [Fact]
    public void BackendMid_Shape_UsesTheBankAndItsOwnKnockouts()
    {
        var sut = TestProfiles.BackendMid;

        Assert.Contains(sut.Template, new[] { InterviewTemplate.Quick, InterviewTemplate.Standard });
        Assert.All(sut.Blueprints, b => Assert.NotNull(b.BankId));
        Assert.Equal(100, sut.Rubric.Sum(d => d.Weight));
        Assert.Equal(
            [KnockoutAnswerType.Number, KnockoutAnswerType.YesNo, KnockoutAnswerType.Choice],
            sut.Knockouts.Select(k => k.Type));
        var employment = sut.Knockouts.Single(k => k.Type == KnockoutAnswerType.Choice);
        Assert.True(KnockoutRuleEvaluator.Fails(employment.Rule, "contract-only"));
        Assert.False(KnockoutRuleEvaluator.Fails(employment.Rule, "permanent"));
    }

    [Fact]
    public void BankAnswers_EveryBankId_HasOneStrongAndOneVagueAnswer()
    {
        var answers = LoadBankAnswers();
        var bankIds = TestProfiles.Catalog.Bank.Ids.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(bankIds, answers.Keys.Order(StringComparer.Ordinal));
        Assert.All(answers, a =>
        {
            Assert.InRange(WordCount(a.Value.Strong), 80, 400);
            Assert.InRange(WordCount(a.Value.Vague), 15, 120);
            Assert.Matches("[0-9]", a.Value.Strong);
        });
    }

    [Fact]
    public void BankAnswers_StrongAnswers_AreNotCopiedFromTheReferenceAnswer()
    {
        var answers = LoadBankAnswers();

        Assert.All(TestProfiles.Catalog.Bank.Blueprints, b =>
        {
            var shared = Shingles(b.ReferenceAnswer, 8).Intersect(Shingles(answers[b.Id].Strong, 8)).ToArray();
            Assert.True(shared.Length == 0, $"{b.Id}: the strong answer repeats the reference answer: \"{shared.FirstOrDefault()}\"");
        });
    }

    internal static Dictionary<string, (string Strong, string Vague)> LoadBankAnswers()
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(BankAnswersPath))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("answers")]).Children.Cast<YamlMappingNode>())
        {
            string Field(string name) => ((YamlScalarNode)node.Children[new YamlScalarNode(name)]).Value!;
            Assert.True(result.TryAdd(Field("id"), (Field("strong"), Field("vague"))), $"bank-answers.yaml lists '{Field("id")}' twice");
        }

        return result;
    }

    private static int WordCount(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static HashSet<string> Shingles(string text, int size)
    {
        var words = NonWord().Replace(text.ToLowerInvariant(), " ").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. Enumerable.Range(0, Math.Max(0, words.Length - size + 1)).Select(i => string.Join(' ', words.Skip(i).Take(size)))];
    }

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();
}
