using System.Globalization;
using System.Text.Json.Serialization;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// The CEFR level a candidate showed in what they wrote, built by <see cref="WrittenLanguageAssessor"/>: a level only
/// when <see cref="Verdict"/> is <see cref="LanguageVerdict.Assessed"/>, with a confidence that falls when they wrote little.
/// </summary>
public sealed record WrittenLanguageLevel
{
    public required LanguageVerdict Verdict { get; init; }

    /// <summary>The level on the continuous 1 (A1) – 6 (C2) scale; null unless assessed.</summary>
    public double? Score { get; init; }

    /// <summary>The nearest CEFR level; null unless assessed.</summary>
    public CefrLevel? Level { get; init; }

    /// <summary>0–1: low for a few sentences, higher with more text; 0 unless assessed.</summary>
    public double Confidence { get; init; }

    /// <summary>Words of the answers that were assessed.</summary>
    public int Words { get; init; }

    public int Sentences { get; init; }

    /// <summary>Grammar slips (<c>GrammarChecks</c>) in the assessed answers.</summary>
    public int Slips { get; init; }

    /// <summary>Why no level was given, or which answers were left out of it (plain sentences for the report).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>"B2", "B2+" (upper half of the band), "not enough to assess" or "not assessable".</summary>
    [JsonIgnore]
    public string Label => Verdict switch
    {
        LanguageVerdict.Assessed when Score is { } score && Level is { } level => score - (int)level - 1 >= 0.25 ? $"{level}+" : level.ToString(),
        LanguageVerdict.NotAssessable => "not assessable",
        _ => "not enough to assess",
    };

    /// <summary>"B2+ (confidence 0.62, 140 words)", or the label and the first note.</summary>
    [JsonIgnore]
    public string Summary => Verdict == LanguageVerdict.Assessed
        ? string.Create(CultureInfo.InvariantCulture, $"{Label} (confidence {Confidence:0.00}, {Words} words)")
        : Notes.Count > 0 ? $"{Label}: {Notes[0]}" : Label;

    /// <summary>The nearest level to a score on the 1–6 scale.</summary>
    public static CefrLevel Nearest(double score) => (CefrLevel)(Math.Clamp((int)Math.Floor(score + 0.5), 1, 6) - 1);
}
