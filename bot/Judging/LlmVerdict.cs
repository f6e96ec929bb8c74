using System.ComponentModel;
using System.Text.Json.Serialization;

namespace ScreeningBot.Bot.Judging;

/// <summary>
/// What the model must return for one answer: the JSON schema of the structured-output request is generated from
/// this type. Everything in it is untrusted model output: <see cref="LlmJudge"/> validates and clamps it.
/// </summary>
internal sealed class LlmVerdict
{
    [Description("Depth of the answer on the 0-5 scale defined in the instructions.")]
    public required double Depth { get; init; }

    [Description("Specificity 0-5: numbers, named tools, trade-offs, first-hand detail.")]
    public required double Specificity { get; init; }

    [Description("Knowledge areas the answer covers, using the area names exactly as listed.")]
    public required IReadOnlyList<string> AreasCovered { get; init; }

    [Description("Knowledge areas the answer does not cover, using the area names exactly as listed.")]
    public required IReadOnlyList<string> AreasMissing { get; init; }

    [Description("One short passage copied exactly, character for character, from the candidate's answer (at most 200 characters), or null.")]
    public required string? EvidenceQuote { get; init; }

    [Description("True when the answer is vague or incomplete and one follow-up question would help.")]
    public required bool NeedsFollowUp { get; init; }

    [Description("What a follow-up should probe: one knowledge-area name as listed, or one of: metrics, tradeoffs, ownership, example, failure-modes. Null when no follow-up is needed.")]
    public required string? FollowUpFocus { get; init; }

    [Description("One short, polite follow-up question to the candidate that probes followUpFocus, or null.")]
    public required string? SuggestedFollowUp { get; init; }

    [Description("Problems a recruiter should see; empty when there are none.")]
    public required IReadOnlyList<LlmRedFlag> RedFlags { get; init; }

    [Description("The numbers of the hiring team's red flags, as listed in the instructions, that this answer hits; empty when none is listed or none is hit.")]
    public required IReadOnlyList<int> QuestionFlagsHit { get; init; }

    [Description("Language-assessment questions only: the CEFR level of the candidate's writing in this answer, one of A1, A2, B1, B2, C1, C2, judged with the descriptors in the instructions; \"none\" when the answer cannot be rated and for every other question.")]
    public required string? LanguageLevel { get; init; }
}

/// <summary>A red flag as the model reports it.</summary>
internal sealed class LlmRedFlag
{
    [Description("One of: prompt-injection, copied-question, keyword-stuffing, no-answer, off-topic.")]
    public required string Code { get; init; }

    [Description("One sentence for the recruiter.")]
    public required string Detail { get; init; }
}

/// <summary>What the model must return for a scorecard narrative (see <see cref="LlmScorecardNarrator"/>).</summary>
internal sealed class LlmNarrative
{
    [Description("Two to four sentences for the recruiter: how the screen went and the recommendation, using only the facts given.")]
    public required string Summary { get; init; }

    [Description("Up to five short strengths, each backed by the facts given.")]
    public required IReadOnlyList<string> Strengths { get; init; }

    [Description("Up to six short risks or gaps, each backed by the facts given.")]
    public required IReadOnlyList<string> Risks { get; init; }

    [Description("One sentence: what the recruiter should do next.")]
    public required string SuggestedNextStep { get; init; }

    [Description("Two to four sentences explaining why the facts lead to the recommendation.")]
    public required string Rationale { get; init; }
}

/// <summary>
/// Serializer settings for the model's JSON: camelCase, comments and trailing commas tolerated (models add them),
/// depth bounded.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    MaxDepth = 16)]
[JsonSerializable(typeof(LlmVerdict))]
[JsonSerializable(typeof(LlmNarrative))]
[JsonSerializable(typeof(NarrativeFacts))]
[JsonSerializable(typeof(Drafting.LlmProfileProposal))]
internal sealed partial class LlmJsonContext : JsonSerializerContext;
