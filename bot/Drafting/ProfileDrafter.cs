using System.Text;
using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Bot.Drafting;

/// <summary>
/// Drafts a profile from a job description without an LLM (issue 22): starts from a shipped profile of the right
/// seniority (its knockouts, competencies, custom questions and rubric), swaps in the bank blueprints whose topics the
/// description names, adds the technologies it names as preferred skills, and marks everything a person must review.
/// The description is data: only its first line (the title) and first sentences (the brief) are copied, and only into
/// fields a recruiter reviews, and not even there when they touch a banned topic. Knockouts come from the base profile,
/// never from the description, and one touching a banned topic is dropped.
/// </summary>
internal static partial class ProfileDrafter
{
    /// <summary>Job descriptions are a few pages of text; anything bigger is a mistake.</summary>
    public const int MaxDescriptionCharacters = 64 * 1024;

    private const int BlueprintCount = 3;

    private const int MaxBriefCharacters = 400;

    private const string PlaceholderTitle = "Backend Engineer";

    private const string PlaceholderBrief = "A backend engineering role. Replace this with two or three sentences about the role.";

    /// <summary>Words in a description that point at a bank topic tag (the tags themselves match too).</summary>
    private static readonly Dictionary<string, string[]> TopicWords = new(StringComparer.Ordinal)
    {
        ["payments"] = ["payment", "payments", "card", "fintech", "billing", "checkout", "ledger", "money"],
        ["transactions"] = ["transaction", "transactions", "acid", "consistency", "ledger"],
        ["idempotency"] = ["idempotent", "idempotency", "payments", "retries"],
        ["databases"] = ["postgresql", "postgres", "mysql", "sql", "database", "databases"],
        ["query-tuning"] = ["performance", "sql", "query", "queries", "tuning"],
        ["migrations"] = ["migration", "migrations", "schema"],
        ["scalability"] = ["scale", "scaling", "scalable", "traffic", "high-traffic", "millions", "load", "capacity", "autoscaling", "spikes", "degradation"],
        ["caching"] = ["cache", "caching", "redis", "cdn"],
        ["messaging"] = ["kafka", "rabbitmq", "sqs", "queue", "queues", "event-driven", "events", "nats"],
        ["concurrency"] = ["concurrency", "concurrent", "async", "goroutines", "threads", "asyncio"],
        ["rate-limiting"] = ["rate-limiting", "limiting", "throttling", "quotas"],
        ["api-design"] = ["api", "apis", "rest", "graphql", "grpc", "endpoints", "integrations"],
        ["security"] = ["security", "oauth", "authentication", "authorization", "owasp", "secure"],
        ["containers"] = ["docker", "kubernetes", "k8s", "containers", "helm"],
        ["ci-cd"] = ["ci", "cd", "ci/cd", "pipelines", "deployment", "delivery"],
        ["observability"] = ["observability", "monitoring", "metrics", "tracing", "opentelemetry", "grafana", "prometheus"],
        ["incidents"] = ["on-call", "incident", "incidents", "outages", "sre"],
        ["architecture"] = ["microservices", "distributed", "architecture", "services"],
    };

    /// <summary>Technologies a description may name, as preferred skills: id, name, evidence signals.</summary>
    private static readonly (string Id, string Name, string[] Words, string[] Signals)[] Technologies =
    [
        ("kafka", "Kafka", ["kafka"], ["Kafka", "consumer group", "partition", "offset", "consumer lag"]),
        ("kubernetes", "Kubernetes", ["kubernetes", "k8s", "helm"], ["Kubernetes", "pod", "Helm", "readiness probe", "HPA"]),
        ("postgresql", "PostgreSQL", ["postgresql", "postgres"], ["PostgreSQL", "EXPLAIN", "index", "vacuum", "replica"]),
        ("redis", "Redis", ["redis"], ["Redis", "TTL", "eviction", "cache-aside"]),
        ("aws", "AWS", ["aws", "lambda", "dynamodb", "sqs"], ["AWS", "SQS", "Lambda", "DynamoDB", "IAM"]),
        ("java-spring", "Java and Spring", ["java", "spring", "kotlin"], ["Java", "Spring Boot", "JPA", "JVM", "@Transactional"]),
        ("go", "Go", ["golang"], ["Go", "goroutine", "channel", "context", "errgroup"]),
        ("python", "Python", ["python", "django", "fastapi", "flask"], ["Python", "Django", "FastAPI", "asyncio", "Celery"]),
        ("nodejs", "Node.js", ["node", "node.js", "nodejs", "typescript"], ["Node.js", "TypeScript", "event loop", "async/await"]),
        ("dotnet", ".NET", ["net", "c#", "asp.net", "dotnet"], [".NET", "C#", "ASP.NET Core", "Entity Framework", "async"]),
    ];

    private static readonly string[] JuniorWords = ["junior", "mid-level", "intermediate", "graduate", "entry-level"];
    private static readonly string[] SeniorWords = ["senior", "staff", "lead", "principal"];

    /// <summary>
    /// Drafts profile <paramref name="id"/> from <paramref name="description"/>. <paramref name="baseProfiles"/> maps a
    /// shipped profile id (<c>backend-senior</c>, <c>backend-mid</c>) to its YAML text; the result always passes
    /// validation against <paramref name="bank"/>, or this throws (a bug, not bad input).
    /// </summary>
    /// <param name="level"><c>senior</c> or <c>mid</c> to pick the base profile; null decides from the description.</param>
    public static ProfileDraft Draft(string description, string id, string sourceName, IReadOnlyDictionary<string, string> baseProfiles, QuestionBank bank, string? level = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(baseProfiles);
        ArgumentNullException.ThrowIfNull(bank);
        var words = Words(description);
        if (GoWord().IsMatch(description))
        {
            words.Add("golang");
        }

        var baseId = level switch
        {
            "mid" => "backend-mid",
            "senior" => "backend-senior",
            _ => IsMidLevel(description, words) ? "backend-mid" : "backend-senior",
        };
        var stream = new YamlStream();
        stream.Load(new StringReader(baseProfiles[baseId]));
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var review = new List<string>();

        root.Children[new YamlScalarNode("id")] = new YamlScalarNode(id);
        // Candidates read the title and brief in the welcome: a banned topic in the description's words keeps the
        // placeholder wording instead (issue 22).
        var banned = BannedTopics(root);
        var title = Title(description);
        if (FollowUpPlanner.TouchesBannedTopic(title, banned))
        {
            title = PlaceholderTitle;
            review.Add("title: the description's first line touches a banned topic, so it was not copied; write the role's name");
        }
        else
        {
            review.Add($"title: \"{title}\" is the description's first line; shorten it to the role's name");
        }

        root.Children[new YamlScalarNode("title")] = new YamlScalarNode(title);
        var brief = Brief(description);
        if (FollowUpPlanner.TouchesBannedTopic(brief, banned))
        {
            brief = PlaceholderBrief;
            review.Add("brief: the description's first sentences touch a banned topic, so none were copied; write 2 or 3 sentences about the role");
        }
        else
        {
            review.Add("brief: the description's first sentences; candidates read it in the welcome, so make it 2 or 3 sentences about the role");
        }

        root.Children[new YamlScalarNode("brief")] = new YamlScalarNode(brief);
        // The base profile's company facts would be wrong here: leave only the rule every screen keeps.
        root.Children[new YamlScalarNode("companyInstructions")] = new YamlScalarNode(
            "Do not discuss salary, visa questions or the hiring timeline; say a recruiter will cover them.");
        review.Add("companyInstructions: only the salary/visa/timeline rule is set; add your company, stack and on-call");
        review.Add($"tone, evaluationNotes: copied from {baseId}; say what good looks like for this role");

        var skills = Ids(root, "requiredSkills");
        var picked = PickBlueprints(words, bank);
        SetBlueprints(root, picked);
        review.Add($"blueprints: picked from the bank for this description ({string.Join(", ", picked.Select(b => b.Id))}); check they test what the role needs");

        var technologies = Technologies.Where(t => t.Words.Any(words.Contains) && !skills.Contains(t.Id)).Take(5).ToArray();
        if (technologies.Length > 0)
        {
            var preferred = new YamlSequenceNode();
            foreach (var (techId, name, _, signals) in technologies)
            {
                preferred.Add(new YamlMappingNode
                {
                    { "id", techId },
                    { "name", name },
                    { "description", $"Has used {name} in production." },
                    { "signals", Flow(signals) },
                });
            }

            root.Children[new YamlScalarNode("preferredSkills")] = preferred;
            review.Add($"preferredSkills: {string.Join(", ", technologies.Select(t => t.Name))}, named in the description");
        }

        DropKnockoutsTouchingBannedTopics(root, review);
        review.Add($"knockouts: copied from {baseId}, never from the description; check every threshold is a real requirement of this role");

        var yaml = Render(root, $"DRAFT profile from {Line(sourceName)}, made by `profile draft` from {baseId} and the question bank.", review);
        EnsureValid(yaml, id, bank);
        return new ProfileDraft(yaml, review, [.. picked.Select(b => b.Id)], baseId, Source: "the question bank (no LLM)");
    }

    /// <summary>The profile file: a comment block (<paramref name="headline"/>, then what to review), then the YAML of <paramref name="root"/>.</summary>
    internal static string Render(YamlMappingNode root, string headline, IReadOnlyList<string> review)
    {
        var body = new StringBuilder();
        using (var writer = new StringWriter(body, System.Globalization.CultureInfo.InvariantCulture))
        {
            new YamlStream(new YamlDocument(root)).Save(writer, assignAnchors: false);
        }

        var header = new StringBuilder()
            .AppendLine("# " + Line(headline))
            .AppendLine("# REVIEW before any candidate sees it:");
        foreach (var line in review)
        {
            header.AppendLine("#   - " + Line(line));
        }

        header.AppendLine("# Then check it with: dotnet run --project bot -- validate-profiles");
        return (header + body.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('.', '\n', ' ') + "\n").Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>Throws when <paramref name="yaml"/> does not validate: a drafter bug, never bad input.</summary>
    internal static void EnsureValid(string yaml, string id, QuestionBank bank)
    {
        var check = ProfileLoader.Parse(yaml, $"profiles/{id}.yaml", bank);
        if (!check.IsValid)
        {
            throw new InvalidOperationException($"the draft of {id} does not validate: {string.Join("; ", check.Errors)}");
        }
    }

    /// <summary>
    /// Text that goes into a YAML comment as one line: every line break and control character (YAML 1.1 also breaks lines
    /// at U+0085, U+2028 and U+2029) becomes a space, so text from a description or a model cannot end the comment.
    /// </summary>
    internal static string Line(string text)
    {
        var line = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            line.Append(char.IsControl(c) || c is '\u0085' or '\u2028' or '\u2029' ? ' ' : c);
        }

        return line.ToString().Trim();
    }

    /// <summary>Replaces the blueprints with <paramref name="picked"/> bank references, scored on the base's skills and depth dimensions.</summary>
    internal static void SetBlueprints(YamlMappingNode root, IReadOnlyList<Blueprint> picked)
    {
        var skills = Ids(root, "requiredSkills");
        var dimensions = Ids(root, "rubric");
        var blueprints = new YamlSequenceNode();
        foreach (var blueprint in picked)
        {
            var entry = new YamlMappingNode { { "ref", blueprint.Id } };
            var ownSkills = blueprint.Skills.Where(skills.Contains).ToArray();
            entry.Add("skills", Flow(ownSkills.Length > 0 ? ownSkills : [skills[0]]));
            entry.Add("dimensions", Flow(dimensions.Where(d => d is "blueprint-depth" or "technical-depth").DefaultIfEmpty(dimensions[0])));
            blueprints.Add(entry);
        }

        root.Children[new YamlScalarNode("blueprints")] = blueprints;
        KeepCompetencyQuestions(root, picked);
    }

    /// <summary>The title decides the level when it names one ("Senior …", "Mid-level …"); otherwise the body does.</summary>
    private static bool IsMidLevel(string description, HashSet<string> words)
    {
        var title = Words(Title(description));
        if (SeniorWords.Any(title.Contains))
        {
            return false;
        }

        return JuniorWords.Any(title.Contains) || (JuniorWords.Any(words.Contains) && !SeniorWords.Any(words.Contains));
    }

    /// <summary>The bank blueprints whose topics the description names most, in bank order among equals.</summary>
    internal static IReadOnlyList<Blueprint> PickBlueprints(HashSet<string> words, QuestionBank bank)
    {
        var scored = bank.Blueprints
            .Select((b, i) => (Blueprint: b, Index: i, Score: b.Tags.Sum(t => Score(t, words))))
            .Where(s => s.Score > 0)
            .OrderByDescending(s => s.Score).ThenBy(s => s.Index)
            .Select(s => s.Blueprint)
            .ToList();

        // Too few topics named: fall back to the production-judgement deep-dives every backend role needs.
        foreach (var fallback in (string[])["traffic-spike-10x", "production-outage", "slow-sql-query"])
        {
            if (scored.Count >= BlueprintCount)
            {
                break;
            }

            if (bank.TryGet(fallback, out var blueprint) && !scored.Contains(blueprint))
            {
                scored.Add(blueprint);
            }
        }

        return [.. scored.Take(BlueprintCount)];
    }

    internal static HashSet<string> Words(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value.TrimEnd('.'))];

    private static int Score(string tag, HashSet<string> words) =>
        (words.Contains(tag) ? 2 : 0) + (TopicWords.TryGetValue(tag, out var cues) ? cues.Count(words.Contains) : 0);

    private static string Title(string description)
    {
        var first = description.Replace("`", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Trim().TrimStart('#', '*', ' ').TrimEnd('*', ' ')).FirstOrDefault(l => l.Length > 0) ?? PlaceholderTitle;
        return first.Length <= 80 ? first : first[..80].TrimEnd();
    }

    private static string Brief(string description)
    {
        var lines = description.Replace("`", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Skip(1);
        var text = string.Join(' ', lines);
        var sentences = Sentences(text).Select(s => s.Trim()).Where(s => s.Length > 20).Take(3);
        var brief = string.Join(' ', sentences);
        if (brief.Length == 0)
        {
            return PlaceholderBrief;
        }

        return brief.Length <= MaxBriefCharacters ? brief : brief[..MaxBriefCharacters].TrimEnd() + "…";
    }

    internal static List<string> Ids(YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlMappingNode>().Select(m => ((YamlScalarNode)m.Children[new YamlScalarNode("id")]).Value!)]
            : [];

    internal static YamlSequenceNode Flow(IEnumerable<string> items)
    {
        var sequence = new YamlSequenceNode(items.Select(i => new YamlScalarNode(i)));
        sequence.Style = YamlDotNet.Core.Events.SequenceStyle.Flow;
        return sequence;
    }

    /// <summary>Competencies may name follow-ups of the base profile's blueprints; keep only questions the draft still asks.</summary>
    internal static void KeepCompetencyQuestions(YamlMappingNode root, IReadOnlyList<Blueprint> picked)
    {
        var asked = Ids(root, "customQuestions").Concat(picked.SelectMany(b => b.FollowUps.Select(f => f.Id).Prepend(b.Id))).ToHashSet(StringComparer.Ordinal);
        if (!root.Children.TryGetValue(new YamlScalarNode("competencies"), out var node) || node is not YamlSequenceNode competencies)
        {
            return;
        }

        var firstQuestion = Ids(root, "customQuestions").FirstOrDefault() ?? picked[0].Id;
        foreach (var competency in competencies.Children.OfType<YamlMappingNode>())
        {
            var key = new YamlScalarNode("questions");
            if (competency.Children.TryGetValue(key, out var questions) && questions is YamlSequenceNode list)
            {
                var kept = list.Children.OfType<YamlScalarNode>().Select(q => q.Value!).Where(asked.Contains).ToArray();
                competency.Children[key] = Flow(kept.Length > 0 ? kept : [firstQuestion]);
            }
        }
    }

    private static string[] BannedTopics(YamlMappingNode root) =>
        root.Children.TryGetValue(new YamlScalarNode("bannedTopics"), out var b) && b is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlScalarNode>().Select(s => s.Value!)]
            : [];

    internal static void DropKnockoutsTouchingBannedTopics(YamlMappingNode root, List<string> review)
    {
        var banned = BannedTopics(root);
        if (!root.Children.TryGetValue(new YamlScalarNode("knockouts"), out var k) || k is not YamlSequenceNode knockouts)
        {
            return;
        }

        foreach (var knockout in knockouts.Children.OfType<YamlMappingNode>().ToArray())
        {
            var question = knockout.Children.TryGetValue(new YamlScalarNode("question"), out var q) ? ((YamlScalarNode)q).Value ?? string.Empty : string.Empty;
            var text = string.Join(' ', knockout.AllNodes.OfType<YamlScalarNode>().Select(n => n.Value));
            if (ProtectedCharacteristics.Find(text) is { } characteristic)
            {
                knockouts.Children.Remove(knockout);
                review.Add($"knockouts: dropped \"{Shorten(question)}\", which asks about {characteristic}, a protected characteristic");
            }
            else if (FollowUpPlanner.TouchesBannedTopic(question, banned))
            {
                knockouts.Children.Remove(knockout);
                review.Add($"knockouts: dropped \"{Shorten(question)}\", which touches a banned topic");
            }
        }
    }

    internal static string Shorten(string text) => text.Length <= 120 ? text : text[..120].TrimEnd() + "…";

    /// <summary>"Go" the language is capitalised; "go" the verb is not.</summary>
    [GeneratedRegex(@"\bGo\b", RegexOptions.CultureInvariant)]
    private static partial Regex GoWord();

    [GeneratedRegex(@"[a-z0-9][a-z0-9+#./-]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();

    /// <summary>
    /// Runs of text each ended by <c>.</c>, <c>!</c> or <c>?</c> (the end included); text after the last one is no sentence.
    /// Plain code: a pattern for this retries from every character of a description without a full stop.
    /// </summary>
    private static IEnumerable<string> Sentences(string text)
    {
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?')
            {
                if (start >= 0)
                {
                    yield return text[start..(i + 1)];
                    start = -1;
                }
            }
            else if (start < 0)
            {
                start = i;
            }
        }
    }
}
