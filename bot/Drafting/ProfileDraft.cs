namespace ScreeningBot.Bot.Drafting;

/// <summary>A drafted profile: its YAML (already validated) and what a person must review before using it.</summary>
/// <param name="Yaml">The profile file's text, starting with a comment block that lists <paramref name="Review"/>.</param>
/// <param name="Review">One line per field a person must check, e.g. "knockouts: thresholds copied from backend-senior".</param>
/// <param name="Blueprints">The bank blueprints picked for the description, best match first.</param>
/// <param name="BaseId">The shipped profile the draft started from (<c>backend-senior</c> or <c>backend-mid</c>).</param>
/// <param name="Source">Who wrote it, for people: "the question bank (no LLM)" or "the LLM (model) and the question bank".</param>
internal sealed record ProfileDraft(string Yaml, IReadOnlyList<string> Review, IReadOnlyList<string> Blueprints, string BaseId, string Source);
