namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// The phrasings that show one knowledge area of a question (<c>signals:</c> under the area in YAML): synonyms,
/// typical terms and short patterns, matched by meaning-preserving rules (stems, synonyms, any word order within a few
/// words). See <c>dialogs/Judging/SignalPattern.cs</c> for the syntax.
/// </summary>
/// <param name="Area">The knowledge area's name, exactly as listed in <c>knowledgeAreas</c>.</param>
/// <param name="Signals">The phrasings; never empty.</param>
public sealed record KnowledgeAreaSignals(string Area, IReadOnlyList<string> Signals);
