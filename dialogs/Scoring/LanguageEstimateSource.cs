namespace ScreeningBot.Dialogs.Scoring;

/// <summary>Which estimate a scorecard's language level is.</summary>
public enum LanguageEstimateSource
{
    /// <summary>The offline estimator (<c>dialogs/Language</c>).</summary>
    Offline,

    /// <summary>The LLM judge's CEFR ratings of the language answers.</summary>
    Llm,
}
