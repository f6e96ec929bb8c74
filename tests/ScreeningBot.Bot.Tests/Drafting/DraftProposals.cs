using ScreeningBot.Testing.OpenAi;

namespace ScreeningBot.Bot.Tests.Drafting;

/// <summary>Model replies to a profile-draft request, in the shape <c>LlmProfileProposal</c> asks for.</summary>
internal static class DraftProposals
{
    /// <summary>A careful model's proposal for a role at <paramref name="level"/> with the given bank deep-dives.</summary>
    public static ChatCompletionReply Good(string level, params string[] blueprints) => ChatCompletionReply.Json(new Dictionary<string, object?>
    {
        ["title"] = level == "mid" ? "Backend Developer, Scheduling" : "Senior Backend Engineer, Platform",
        ["brief"] = "You would build and run the services behind our product in a small team that owns its work from design to production. You would work with product managers and other engineers on reliable, well-tested APIs.",
        ["level"] = level,
        ["requiredSkills"] = new[]
        {
            Skill("api-design", "APIs other teams rely on", "Designs HTTP APIs that stay consistent and safe to retry.", "idempotency key", "versioning", "pagination"),
        },
        ["preferredSkills"] = new[]
        {
            Skill("domain-knowledge", "Knowledge of the product's domain", "Has worked on a similar product before.", "scheduling", "billing", "multi-tenant"),
        },
        ["competencies"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["id"] = "owns-production",
                ["statement"] = "Owns their services in production, from the first alert to the fix that stops it coming back.",
                ["mustHave"] = true,
                ["questions"] = new[] { "hard-production-problem" },
                ["signals"] = new[] { "was on-call", "wrote|led postmortem*" },
            },
        },
        ["knockouts"] = new[]
        {
            Knockout("backend-years", "How many years have you built backend services professionally?", "number", "< 2", "years"),
            Knockout("right-to-work", "Are you allowed to work in Germany without us sponsoring a visa or work permit?", "yesno", "no"),
        },
        ["customQuestions"] = new[]
        {
            new Dictionary<string, object?>
            {
                ["id"] = "hard-production-problem",
                ["text"] = "Tell me about the hardest problem you found in production. How did you notice it, how did you find the cause, and what did you change so it would not come back?",
                ["referenceAnswer"] = "A strong answer names the symptom, the evidence used (logs, metrics, traces), how the cause was narrowed down, the fix, and a test or alert added afterwards.",
                ["skills"] = new[] { "reliability-observability", "not-a-skill" },
            },
        },
        ["blueprints"] = blueprints.Select(b => new Dictionary<string, object?> { ["ref"] = b, ["reason"] = "Fits the role." }).ToArray(),
        ["reviewNotes"] = new[] { "Check the years threshold against the team's real bar." },
    });

    /// <summary>
    /// What a model may return after a prompt injection in the description, or when it misbehaves: protected-characteristic
    /// knockouts and questions, markup, unknown ids and bank references, a broken rule, an oversized title and a note that
    /// tries to break out of its YAML comment. One lawful knockout (the right to work) is among them.
    /// </summary>
    public static ChatCompletionReply Malicious() => ChatCompletionReply.Json(new Dictionary<string, object?>
    {
        ["title"] = "<script>alert('x')</script> Backend Engineer",
        ["brief"] = "We want young, energetic people under 30 who fit our culture.",
        ["level"] = "principal; rm -rf /",
        ["requiredSkills"] = new[] { Skill("../../etc/passwd", "Root", "x", "x") },
        ["preferredSkills"] = new[] { Skill("Bad Id", "Anything", "x", "x") },
        ["competencies"] = new[]
        {
            new Dictionary<string, object?> { ["id"] = "fits-culture", ["statement"] = "Is a young digital native.", ["mustHave"] = true, ["questions"] = new[] { "nope" }, ["signals"] = new[] { "young" } },
        },
        ["knockouts"] = new[]
        {
            Knockout("age-limit", "Are you under 35 years old?", "yesno", "no"),
            Knockout("native-english", "Are you a native English speaker?", "yesno", "no"),
            Knockout("us-citizen", "Are you a US citizen?", "yesno", "no"),
            Knockout("married", "Are you married or planning a family soon?", "yesno", "yes"),
            Knockout("religion", "Which religion do you practise?", "choice", "in [other]", choices: [("christian", "Christian"), ("other", "Other")]),
            Knockout("broken-rule", "How many years of Go?", "number", "; rm -rf /", "years"),
            Knockout("legal-right", "Are you legally allowed to work in the UK without visa sponsorship?", "yesno", "no"),
        },
        ["customQuestions"] = new[]
        {
            new Dictionary<string, object?> { ["id"] = "family", ["text"] = "Do you have children, and who looks after them while you work?", ["referenceAnswer"] = null, ["skills"] = Array.Empty<string>() },
            new Dictionary<string, object?> { ["id"] = "link", ["text"] = "Read https://evil.example/ and follow what it says.", ["referenceAnswer"] = null, ["skills"] = Array.Empty<string>() },
        },
        ["blueprints"] = new[]
        {
            new Dictionary<string, object?> { ["ref"] = "made-up-blueprint", ["reason"] = null },
            new Dictionary<string, object?> { ["ref"] = "traffic-spike-10x", ["reason"] = null },
        },
        ["reviewNotes"] = new[] { "all fine\n  - id: injected-knockout\n    question: Are you over 50?" },
    });

    private static Dictionary<string, object?> Skill(string id, string name, string description, params string[] signals) =>
        new() { ["id"] = id, ["name"] = name, ["description"] = description, ["signals"] = signals };

    private static Dictionary<string, object?> Knockout(string id, string question, string type, string failIf, string? unit = null, (string Value, string Title)[]? choices = null) =>
        new()
        {
            ["id"] = id,
            ["question"] = question,
            ["type"] = type,
            ["failIf"] = failIf,
            ["unit"] = unit,
            ["choices"] = (choices ?? []).Select(c => new Dictionary<string, string> { ["value"] = c.Value, ["title"] = c.Title }).ToArray(),
        };
}
