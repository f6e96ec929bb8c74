using System.Text.Json.Serialization;
using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The language part of a scorecard: the level the candidate showed in writing against the profile's target.
/// <see cref="EstimatedLevel"/> is the estimate the report shows (<see cref="Source"/> says whose);
/// <see cref="MeetsTarget"/> is false when no level could be given.
/// </summary>
/// <param name="Language">"English".</param>
/// <param name="TargetLevel">"B2".</param>
/// <param name="EstimatedLevel">"B2+", "not enough to assess" or "not assessable".</param>
public sealed record LanguageResult(string Language, string TargetLevel, string EstimatedLevel, bool MeetsTarget)
{
    /// <summary>What the offline estimate measures; shown beside it wherever it appears.</summary>
    public const string OfflineCaveat =
        "offline estimate: how difficult the sentences the candidate wrote are to read (measured against teachers on CEFR-SP), capped by grammar slips; not a full proficiency test";

    /// <summary>What the LLM estimate is.</summary>
    public const string LlmCaveat = "rated by the LLM judge against the CEFR writing descriptors";

    /// <summary>Whose estimate <see cref="EstimatedLevel"/> is.</summary>
    public LanguageEstimateSource Source { get; init; } = LanguageEstimateSource.Offline;

    /// <summary>True when a level was given.</summary>
    public bool Assessed { get; init; }

    /// <summary>0–1, how far to trust the shown level (falls when the candidate wrote little).</summary>
    public double Confidence { get; init; }

    /// <summary>The offline estimate from the language part's answers (shown beside the LLM's when both exist).</summary>
    public WrittenLanguageLevel? Offline { get; init; }

    /// <summary>The offline estimate from the rest of the interview, when it was in the same language; shown apart.</summary>
    public WrittenLanguageLevel? RestOfInterview { get; init; }

    /// <summary>"assessed B2+, required B2" or "not enough to assess, required B2".</summary>
    [JsonIgnore]
    public string Headline => Assessed ? $"assessed {EstimatedLevel}, required {TargetLevel}" : $"{EstimatedLevel}, required {TargetLevel}";

    /// <summary>"offline estimate, confidence 0.62" or "LLM judge, confidence 0.70" (nothing after the source when not assessed).</summary>
    [JsonIgnore]
    public string SourceLabel => (Source == LanguageEstimateSource.Llm ? "LLM judge" : "offline estimate")
        + (Assessed ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", confidence {Confidence:0.00}") : string.Empty);

    /// <summary>One line for reports: what the shown estimate is.</summary>
    [JsonIgnore]
    public string Method => Source == LanguageEstimateSource.Llm ? LlmCaveat : OfflineCaveat;
}
