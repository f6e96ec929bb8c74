using System.Collections.Frozen;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>The specificity signals found in an answer and the 0–5 figure they add up to.</summary>
internal sealed record Specificity(
    double Score,
    bool HasNumbers,
    bool HasMeasurements,
    int NamedTechnologies,
    bool HasTradeOffs,
    bool HasFirstPerson,
    bool HasFirstHandPast,
    bool HasCausal,
    bool HasExample)
{
    // Points per signal; they add up to more than 5 so an answer needs most, not all, to reach the top.
    private const double MeasurementPoints = 1.5;
    private const double BareNumberPoints = 0.75;
    private const double PointsPerTechnology = 0.5;
    private const double MaxTechnologyPoints = 1.25;
    private const double TradeOffPoints = 1.0;
    private const double FirstHandPoints = 1.0;
    private const double FirstPersonOnlyPoints = 0.5;
    private const double CausalPoints = 0.75;
    private const double ExamplePoints = 0.5;

    public static Specificity None { get; } = new(0, false, false, 0, false, false, false, false, false);

    public static Specificity Measure(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        bool numbers = false, measurements = false, tradeOffs = false, firstPerson = false, past = false, causal = false, example = false;
        HashSet<string>? technologies = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            var word = token.Word;
            if (token.IsNumber)
            {
                numbers = true;
                measurements |= IsMeasurement(text, tokens, i);
            }
            else if (token.IsAcronym || JudgingLexicon.Technologies.Contains(word))
            {
                (technologies ??= new HashSet<string>(StringComparer.Ordinal)).Add(word);
            }

            firstPerson |= JudgingLexicon.FirstPerson.Contains(word) && !(word == "i" && IsIdEst(text, token));
            past |= IsPastTense(word);
            tradeOffs = tradeOffs || StartsPhrase(tokens, i, JudgingLexicon.TradeOffPhrases);
            causal = causal || StartsPhrase(tokens, i, JudgingLexicon.CausalPhrases);
            example = example || StartsPhrase(tokens, i, JudgingLexicon.ExamplePhrases);
        }

        var toolCount = technologies?.Count ?? 0;
        var score = (measurements ? MeasurementPoints : numbers ? BareNumberPoints : 0)
            + Math.Min(MaxTechnologyPoints, toolCount * PointsPerTechnology)
            + (tradeOffs ? TradeOffPoints : 0)
            + (firstPerson && past ? FirstHandPoints : firstPerson ? FirstPersonOnlyPoints : 0)
            + (causal ? CausalPoints : 0)
            + (example ? ExamplePoints : 0);
        return new Specificity(Math.Min(5.0, score), numbers, measurements, toolCount, tradeOffs, firstPerson, firstPerson && past, causal, example);
    }

    /// <summary>Whether a phrase of <paramref name="phrases"/> starts at token <paramref name="index"/>.</summary>
    public static bool StartsPhrase(IReadOnlyList<Token> tokens, int index, FrozenDictionary<string, string[][]> phrases)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(phrases);
        if (!phrases.TryGetValue(tokens[index].Word, out var candidates))
        {
            return false;
        }

        foreach (var phrase in candidates)
        {
            if (index + phrase.Length > tokens.Count)
            {
                continue;
            }

            var match = true;
            for (var k = 1; k < phrase.Length && match; k++)
            {
                match = string.Equals(tokens[index + k].Word, phrase[k], StringComparison.Ordinal);
            }

            if (match)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMeasurement(ReadOnlySpan<char> text, IReadOnlyList<Token> tokens, int index)
    {
        var token = tokens[index];
        var word = token.Word.AsSpan();
        var digits = 0;
        while (digits < word.Length && (char.IsDigit(word[digits]) || word[digits] == '.'))
        {
            digits++;
        }

        // "200ms", "5gb", "3x", "p99" style suffixes inside the word.
        if (digits < word.Length)
        {
            return JudgingLexicon.Units.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word[digits..]);
        }

        var after = token.Start + token.Length;
        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        if (after < text.Length && text[after] == '%')
        {
            return true;
        }

        return index + 1 < tokens.Count
            && tokens[index + 1].Sentence == token.Sentence
            && JudgingLexicon.Units.Contains(tokens[index + 1].Word);
    }

    private static bool IsPastTense(string word) =>
        JudgingLexicon.IrregularPastTense.Contains(word)
        || (word.Length >= 5 && word.EndsWith("ed", StringComparison.Ordinal) && !JudgingLexicon.NotPastTense.Contains(word));

    // "i.e." is not the pronoun.
    private static bool IsIdEst(ReadOnlySpan<char> text, Token token)
    {
        var after = token.Start + token.Length;
        return after + 1 < text.Length && text[after] == '.' && char.IsLetter(text[after + 1]);
    }
}
