namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// The CEFR level of one English sentence on the continuous 1 (A1) – 6 (C2) scale, offline: <see cref="SentenceFeatures"/>
/// through the fitted <see cref="CefrModel"/>. Measured against two English teachers on CEFR-SP (README, "Language
/// assessment"). It rates how difficult a sentence is to read, which is what the evaluation set labels; a candidate's
/// level is built from it by <see cref="WrittenLanguageAssessor"/>. Thread-safe.
/// </summary>
internal sealed class SentenceLevelEstimator
{
    private readonly WordFrequencyList _frequencies;
    private readonly CefrModel _model;

    public SentenceLevelEstimator(WordFrequencyList frequencies, CefrModel model)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        ArgumentNullException.ThrowIfNull(model);
        _frequencies = frequencies;
        _model = model;
    }

    /// <summary>The shipped word list and model.</summary>
    public static SentenceLevelEstimator Default { get; } = new(WordFrequencyList.English, CefrModel.Embedded);

    public CefrModel Model => _model;

    public WordFrequencyList Frequencies => _frequencies;

    /// <summary>The level of one sentence (the text is read as one sentence, whatever its punctuation).</summary>
    public double Estimate(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return Estimate(LanguageText.Tokens(sentence.Length > LanguageText.MaxCharacters ? sentence[..LanguageText.MaxCharacters] : sentence));
    }

    public double Estimate(IReadOnlyList<LanguageToken> tokens)
    {
        Span<double> features = stackalloc double[SentenceFeatures.Count];
        SentenceFeatures.Compute(tokens, _frequencies, features);
        return _model.Predict(features);
    }
}
