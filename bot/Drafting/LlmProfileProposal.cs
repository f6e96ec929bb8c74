using System.ComponentModel;

namespace ScreeningBot.Bot.Drafting;

/// <summary>
/// What the model must return for a job description: the JSON schema of the structured-output request is generated from
/// this type. Everything in it is untrusted model output; <see cref="LlmProfileDrafter"/> checks each part against the
/// profile validator and keeps the bank's version of any part that fails.
/// </summary>
internal sealed class LlmProfileProposal
{
    [Description("The role's name as a job title, at most 80 characters, e.g. Senior Backend Engineer, Payments.")]
    public required string? Title { get; init; }

    [Description("Two or three sentences to the candidate about the role and the team, at most 500 characters, plain text.")]
    public required string? Brief { get; init; }

    [Description("senior for senior, staff or lead roles; mid for mid-level or junior roles.")]
    public required string? Level { get; init; }

    [Description("The base profile's required skills, reworded for this role: use the ids exactly as listed; 3 to 7 items.")]
    public required IReadOnlyList<LlmSkill>? RequiredSkills { get; init; }

    [Description("Up to 5 nice-to-have skills named in the description (technologies, domains), each with a new kebab-case id.")]
    public required IReadOnlyList<LlmSkill>? PreferredSkills { get; init; }

    [Description("2 to 4 behaviours the role needs, each evidenced by the listed question ids.")]
    public required IReadOnlyList<LlmCompetency>? Competencies { get; init; }

    [Description("1 to 4 hard requirements of the job asked before the interview: experience, right to work, on-call, location or time zone, employment type. Never about age, sex, race, religion, health, family, marital status, nationality or any other protected characteristic.")]
    public required IReadOnlyList<LlmKnockout>? Knockouts { get; init; }

    [Description("1 to 3 open questions about the candidate's own experience that this role needs, in your own words.")]
    public required IReadOnlyList<LlmQuestion>? CustomQuestions { get; init; }

    [Description("2 to 4 deep-dive scenarios picked from the question bank by id, best fit first.")]
    public required IReadOnlyList<LlmBlueprintPick>? Blueprints { get; init; }

    [Description("Up to 5 short notes for the recruiter on what to check in this draft.")]
    public required IReadOnlyList<string>? ReviewNotes { get; init; }
}

/// <summary>A skill as the model proposes it.</summary>
internal sealed class LlmSkill
{
    [Description("kebab-case id, e.g. payments-domain.")]
    public required string Id { get; init; }

    [Description("Short name, at most 60 characters.")]
    public required string Name { get; init; }

    [Description("One sentence on what the skill means for this role.")]
    public required string? Description { get; init; }

    [Description("3 to 10 words or short phrases that show the skill in an answer, e.g. idempotency key.")]
    public required IReadOnlyList<string>? Signals { get; init; }
}

/// <summary>A competency as the model proposes it.</summary>
internal sealed class LlmCompetency
{
    [Description("kebab-case id.")]
    public required string Id { get; init; }

    [Description("The behaviour in one sentence, e.g. Owns production incidents end to end.")]
    public required string Statement { get; init; }

    [Description("True when the role cannot do without it.")]
    public required bool MustHave { get; init; }

    [Description("Ids of the questions that evidence it: custom question ids, or bank blueprint ids you picked.")]
    public required IReadOnlyList<string>? Questions { get; init; }

    [Description("2 to 6 signals: a verb and an object the candidate would say, alternatives with |, e.g. wrote|added test*.")]
    public required IReadOnlyList<string>? Signals { get; init; }
}

/// <summary>A knockout as the model proposes it.</summary>
internal sealed class LlmKnockout
{
    [Description("kebab-case id.")]
    public required string Id { get; init; }

    [Description("The question to the candidate, one sentence.")]
    public required string Question { get; init; }

    [Description("yesno, number or choice.")]
    public required string Type { get; init; }

    [Description("When the candidate fails: \"no\" or \"yes\" for yesno; a comparison such as \"< 5\" for number; \"in [value, …]\" for choice.")]
    public required string FailIf { get; init; }

    [Description("For number: the unit, e.g. years; otherwise null.")]
    public required string? Unit { get; init; }

    [Description("For choice: 2 to 5 options; otherwise empty.")]
    public required IReadOnlyList<LlmChoice>? Choices { get; init; }
}

/// <summary>One option of a choice knockout.</summary>
internal sealed class LlmChoice
{
    [Description("kebab-case value.")]
    public required string Value { get; init; }

    [Description("What the candidate sees.")]
    public required string Title { get; init; }
}

/// <summary>A custom question as the model proposes it.</summary>
internal sealed class LlmQuestion
{
    [Description("kebab-case id.")]
    public required string Id { get; init; }

    [Description("The question, at most 400 characters.")]
    public required string Text { get; init; }

    [Description("What a strong answer contains, 2 to 4 sentences.")]
    public required string? ReferenceAnswer { get; init; }

    [Description("Ids of the required or preferred skills it evidences.")]
    public required IReadOnlyList<string>? Skills { get; init; }
}

/// <summary>A bank blueprint the model picked.</summary>
internal sealed class LlmBlueprintPick
{
    [Description("The blueprint id exactly as listed in the bank.")]
    public required string Ref { get; init; }

    [Description("Why it fits this role, one sentence.")]
    public required string? Reason { get; init; }
}
