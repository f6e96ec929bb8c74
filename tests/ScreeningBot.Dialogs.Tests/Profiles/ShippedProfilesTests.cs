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
        Assert.Equal(
            ["backend-dotnet-services", "backend-go-distributed", "backend-java-fintech", "backend-mid", "backend-node-services", "backend-python-saas", "backend-remote", "backend-senior"],
            sut.Profiles.Select(p => p.Id));
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
    public void Catalog_ShippedProfilesTogether_CoverAllTwentyFiveStandardTopics()
    {
        var covered = TopicCoverage();

        Assert.True(StandardTopics.All(covered.ContainsKey), $"{StandardTopics.Count(covered.ContainsKey)} of 25 covered; missing: {string.Join(", ", StandardTopics.Where(t => !covered.ContainsKey(t)))}");
    }

    /// <summary>README's coverage table (section "Shipped profiles, pressure tests and topic coverage") says which profiles ask about each topic; it must say what the tags say.</summary>
    [Fact]
    public void Readme_TopicCoverageTable_MatchesTheProfilesTags()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md"));
        var header = Array.FindIndex(readme, l => l.StartsWith("| topic | tag | asked in |", StringComparison.Ordinal));
        Assert.True(header >= 0, "README.md has no topic coverage table (a row starting \"| topic | tag | asked in |\")");
        var rows = readme.Skip(header + 2).TakeWhile(l => l.StartsWith('|')).Select(l => l.Split('|', StringSplitOptions.TrimEntries)).ToArray();

        var documented = rows.ToDictionary(
            r => r[2].Trim('`'),
            r => string.Join(", ", r[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(p => p.Trim('`')).Order(StringComparer.Ordinal)),
            StringComparer.Ordinal);
        var actual = TopicCoverage().Where(t => StandardTopics.Contains(t.Key)).ToDictionary(t => t.Key, t => string.Join(", ", t.Value.Order(StringComparer.Ordinal)), StringComparer.Ordinal);

        Assert.Equal(StandardTopics.Order(StringComparer.Ordinal), rows.Select(r => r[2].Trim('`')).Order(StringComparer.Ordinal));
        Assert.Equal(actual.OrderBy(t => t.Key, StringComparer.Ordinal), documented.OrderBy(t => t.Key, StringComparer.Ordinal));
    }

    /// <summary>Each topic tag asked by a shipped profile (custom questions in the profile, blueprints in the bank), with the profiles that ask it.</summary>
    private static Dictionary<string, SortedSet<string>> TopicCoverage()
    {
        var coverage = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var profile in TestProfiles.Catalog.Profiles)
        {
            foreach (var tag in profile.CustomQuestions.SelectMany(q => q.Tags).Concat(profile.Blueprints.SelectMany(b => b.Tags)))
            {
                if (!coverage.TryGetValue(tag, out var profiles))
                {
                    coverage[tag] = profiles = new SortedSet<string>(StringComparer.Ordinal);
                }

                profiles.Add(profile.Id);
            }
        }

        return coverage;
    }

    [Fact]
    public void Catalog_EveryShippedProfile_AsksAtLeastOnePressureTest()
    {
        // backend-mid and backend-remote predate pressure tests; every stack profile and backend-senior challenge strong answers.
        Assert.All(TestProfiles.Catalog.Profiles.Where(p => p.Id is not ("backend-mid" or "backend-remote")), p =>
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
        Assert.Equal(["api-design", "database-performance", "reliability-observability", "ai-assisted-development", "application-security"], sut.RequiredSkills.Select(s => s.Id));
        Assert.All(sut.RequiredSkills, s => Assert.InRange(s.Signals.Count, 5, 30));
        Assert.Equal(["kafka", "kubernetes"], sut.PreferredSkills.Select(s => s.Id));
        Assert.Equal(["owns-incidents", "explicit-tradeoffs", "clear-communication", "verifies-before-trusting"], sut.Competencies.Select(c => c.Id));
        Assert.All(sut.Competencies, c =>
        {
            Assert.True(c.MustHave);
            Assert.NotEmpty(c.Questions);
            Assert.NotEmpty(c.Signals);
        });
        Assert.Equal(["challenging-api", "database-optimisation", "reliability-improvement", "validating-ai-code"], sut.CustomQuestions.Select(q => q.Id));
        Assert.All(sut.CustomQuestions, q =>
        {
            Assert.InRange(q.FollowUps.Count, 3, 5);
            Assert.NotEmpty(q.KnowledgeAreas);
            Assert.NotEmpty(q.Skills);
            Assert.NotEmpty(q.Dimensions);
        });
        // Production judgement (issue 22): an incident to diagnose and a 10x spike, both from the bank, each with a change of scenario.
        Assert.Equal(["p95-latency-regression", "traffic-spike-10x"], sut.Blueprints.Select(b => b.Id));
        Assert.All(sut.Blueprints, b =>
        {
            Assert.Contains("blueprint-depth", b.Dimensions);
            Assert.NotNull(b.BankId);
            Assert.Single(b.FollowUps, f => f.Kind == FollowUpKind.PressureTest);
        });
        Assert.Equal(
            ["challenging-api", "database-optimisation", "validating-ai-code"],
            sut.CustomQuestions.Where(q => q.FollowUps.Any(f => f.Kind == FollowUpKind.PressureTest)).Select(q => q.Id));
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
