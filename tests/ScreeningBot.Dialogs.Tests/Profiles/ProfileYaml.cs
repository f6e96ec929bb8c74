using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Tests.Profiles;

/// <summary>A small valid profile and bank as YAML text, plus helpers to break them in one place and find lines.</summary>
internal static class ProfileYaml
{
    public const string FileName = "profiles/sample.yaml";

    public const string Valid = """
        id: sample
        title: Sample Backend Role
        jobFamily: Engineering
        brief: A short brief about the role.
        durationMinutes: 30
        template: quick
        knockouts:
          - id: years
            question: How many years have you built APIs?
            type: number
            unit: years
            hint: A rough number is fine.
            failIf: "< 2"
          - id: engagement
            question: Which kind of engagement are you looking for?
            type: choice
            choices:
              - value: permanent
                title: Permanent
              - value: contract-only
                title: Contract only
            failIf: "in [contract-only]"
        requiredSkills:
          - id: api-design
            name: API design
            signals: [idempotency, pagination]
          - id: databases
            name: Databases
          - id: reliability
            name: Reliability
        preferredSkills:
          - id: kafka
            name: Kafka
        competencies:
          - id: ownership
            statement: Owns their work in production.
            questions: [build-story, caching.f1]
        customQuestions:
          - id: build-story
            text: Tell me about something you built.
            knowledgeAreas: [design, testing]
            skills: [api-design]
            dimensions: [depth]
            followUps:
              - probes: metrics
                text: Which numbers did you watch?
        blueprints:
          - id: caching
            text: How would you cache a product catalogue?
            knowledgeAreas: [what to cache, invalidation]
            referenceAnswer: Cache-aside with a TTL and deletion on write.
            skills: [databases]
            dimensions: [depth]
            followUps:
              - text: What do you cache?
                knowledgeAreas: [hit ratio]
                referenceAnswer: Hot reads that rarely change.
              - text: How do you invalidate?
                knowledgeAreas: [ttl]
                referenceAnswer: A TTL plus deletion on write.
        rubric:
          - id: depth
            name: Depth
            weight: 60
          - id: clarity
            name: Clarity
            weight: 40
            measure: specificity
        """;

    public const string BankFile = "profiles/bank/api.yaml";

    public const string Bank = """
        blueprints:
          - id: rate-limits
            tags: [api-design]
            skills: [api-design, concurrency]
            dimensions: [depth]
            text: Design a rate limiter for a public API.
            knowledgeAreas: [algorithm, shared state]
            referenceAnswer: A token bucket per client kept in Redis and updated atomically.
            followUps:
              - text: Redis is down. What happens?
                knowledgeAreas: [fail open]
                referenceAnswer: Fail open with a local per-instance limit.
              - text: How is the update atomic?
                knowledgeAreas: [lua script]
                referenceAnswer: A Lua script runs the check and the update in one step.
          - id: api-versioning
            skills: [api-design]
            text: How do you version an API?
            knowledgeAreas: [breaking changes]
            referenceAnswer: Avoid breaking changes; publish a new major version when you must.
            followUps:
              - text: How do you detect a break?
                knowledgeAreas: [openapi diff]
                referenceAnswer: Diff the OpenAPI document in CI.
              - text: Who do you tell?
                knowledgeAreas: [deprecation]
                referenceAnswer: Every client, with a sunset date.
        """;

    public static ProfileLoadResult Parse(string yaml, QuestionBank? bank = null, string file = FileName) =>
        ProfileLoader.Parse(yaml, file, bank ?? QuestionBank.Empty);

    public static QuestionBank LoadBank(string yaml = Bank)
    {
        var result = ProfileLoader.ParseBank([(BankFile, yaml)]);
        Assert.Empty(result.Errors);
        return result.Bank;
    }

    /// <summary>Replaces text that must exist, so a test cannot pass because its edit silently missed.</summary>
    public static string Replace(this string yaml, string oldText, string newText)
    {
        Assert.Contains(oldText, yaml, StringComparison.Ordinal);
        return yaml.Replace(oldText, newText, StringComparison.Ordinal);
    }

    /// <summary>1-based line of the <paramref name="occurrence"/>-th line containing <paramref name="text"/>.</summary>
    public static int LineOf(string yaml, string text, int occurrence = 1)
    {
        var lines = yaml.Split('\n');
        var seen = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Contains(text, StringComparison.Ordinal) && ++seen == occurrence)
            {
                return i + 1;
            }
        }

        throw new InvalidOperationException($"'{text}' (occurrence {occurrence}) is not in the YAML.");
    }

    /// <summary>The only error of a result, failing with every error listed when there are more or none.</summary>
    public static ProfileError SingleError(ProfileLoadResult result)
    {
        Assert.Null(result.Profile);
        Assert.True(result.Errors.Count == 1, $"expected one error, got {result.Errors.Count}:\n{string.Join('\n', result.Errors)}");
        return result.Errors[0];
    }
}
