using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Screening;

/// <summary>
/// One question an interview judges (see <see cref="JudgedQuestions"/>): what the judge needs, and the skills and rubric
/// dimensions the answer feeds (a blueprint's follow-ups feed their blueprint's).
/// </summary>
internal sealed record JudgedQuestion : IJudgedQuestion
{
    public required string Id { get; init; }

    public required QuestionKind Kind { get; init; }

    /// <summary>The question as the profile words it (phases add numbering around it).</summary>
    public required string Text { get; init; }

    public IReadOnlyList<string> KnowledgeAreas { get; init; } = [];

    public IReadOnlyList<KnowledgeAreaSignals> AreaSignals { get; init; } = [];

    /// <summary>The profile's red flags for the question (a blueprint follow-up carries its blueprint's), for the judge to check.</summary>
    public IReadOnlyList<QuestionRedFlag> RedFlags { get; init; } = [];

    public string? ReferenceAnswer { get; init; }

    public IReadOnlyList<string> Skills { get; init; } = [];

    public IReadOnlyList<string> Dimensions { get; init; } = [];

    /// <summary>For a blueprint follow-up: the blueprint it is asked after, in the same plan item.</summary>
    public string? BlueprintId { get; init; }

    /// <summary>For a custom question: the profile's question, with the adaptive follow-ups it offers.</summary>
    public CustomQuestion? Custom { get; init; }

    /// <summary>The question as the profile defines it (areas, signals, reference answer); null for language questions.</summary>
    public IJudgedQuestion? Source { get; init; }
}
