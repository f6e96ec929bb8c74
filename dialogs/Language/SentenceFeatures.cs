namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// The features of one sentence that carry its CEFR level: vocabulary (how rare its words are in SUBTLEX-US), length,
/// syntactic complexity (clauses, relatives, passives, nominalisations, punctuation) and the share of function words.
/// <see cref="Names"/> fixes their order; the fitted model (<c>Data/cefr-model.json</c>) names them too, so a change
/// here without refitting is caught when the model loads.
/// </summary>
internal static class SentenceFeatures
{
    public static readonly string[] Names =
    [
        "words", "log_words", "tokens", "content_words",
        "zipf_mean", "zipf_min", "zipf_min2", "zipf_min3", "zipf_median",
        "rare3_count", "rare35_count", "rare4_count", "rare45_count", "rare4_share", "rarity_sum", "unknown_count",
        "proper_count", "proper_share", "number_count",
        "comma_count", "paren_count", "colon_count", "quote_count", "hyphen_count",
        "word_length_mean", "long_word_count", "syllables_mean", "polysyllable_count",
        "function_share", "relative_count", "subordinator_count", "coordinator_count", "that_count",
        "passive_count", "ing_count", "ly_count", "nominalisation_count", "preposition_count", "connective_count",
        "auxiliary_count", "pronoun_count", "clause_estimate",
    ];

    public static int Count => Names.Length;

    /// <summary>Computes the features of one sentence into <paramref name="features"/> (length <see cref="Count"/>).</summary>
    public static void Compute(IReadOnlyList<LanguageToken> tokens, WordFrequencyList frequencies, Span<double> features)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(frequencies);
        if (features.Length != Count)
        {
            throw new ArgumentException($"needs room for {Count} features", nameof(features));
        }

        features.Clear();
        Span<double> zipfs = stackalloc double[Math.Min(256, tokens.Count + 1)];
        var zipfCount = 0;
        double words = 0, tokenCount = 0, content = 0, rare3 = 0, rare35 = 0, rare4 = 0, rare45 = 0, raritySum = 0, unknown = 0;
        double proper = 0, numbers = 0, commas = 0, parens = 0, colons = 0, quotes = 0, hyphens = 0;
        double letters = 0, longWords = 0, syllables = 0, polysyllables = 0, function = 0, relatives = 0, subordinators = 0;
        double coordinators = 0, that = 0, passives = 0, ings = 0, lys = 0, nominalisations = 0, prepositions = 0, connectives = 0;
        double auxiliaries = 0, pronouns = 0;
        var firstWord = true;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            tokenCount++;
            switch (token.Kind)
            {
                case TokenKind.Number:
                    numbers++;
                    continue;
                case TokenKind.Punctuation or TokenKind.Symbol:
                    switch (token.Text)
                    {
                        case ",": commas++; break;
                        case "(" or ")" or "[" or "]": parens++; break;
                        case ":" or ";": colons++; break;
                        case "\"" or "“" or "”" or "``" or "''": quotes++; break;
                        case "-" or "–" or "—": hyphens++; break;
                    }

                    continue;
                case TokenKind.Clitic:
                    function++;
                    if (EnglishWords.BeForms.Contains(token.Lower) && IsParticiple(tokens, k + 1))
                    {
                        passives++;
                    }

                    continue;
            }

            var word = token.Lower;
            words++;
            var isFirst = firstWord;
            firstWord = false;
            if (token.IsCapitalized && !isFirst && word != "i")
            {
                proper++;
                continue;
            }

            letters += word.Length;
            longWords += word.Length >= 8 ? 1 : 0;
            var wordSyllables = Syllables(word);
            syllables += wordSyllables;
            polysyllables += wordSyllables >= 3 ? 1 : 0;
            relatives += EnglishWords.Relatives.Contains(word) ? 1 : 0;
            subordinators += EnglishWords.Subordinators.Contains(word) ? 1 : 0;
            coordinators += EnglishWords.Coordinators.Contains(word) ? 1 : 0;
            that += word == "that" ? 1 : 0;
            prepositions += EnglishWords.Prepositions.Contains(word) ? 1 : 0;
            connectives += EnglishWords.Connectives.Contains(word) ? 1 : 0;
            auxiliaries += EnglishWords.Auxiliaries.Contains(word) ? 1 : 0;
            pronouns += EnglishWords.Pronouns.Contains(word) ? 1 : 0;
            if (EnglishWords.BeForms.Contains(word) && IsParticiple(tokens, k + 1))
            {
                passives++;
            }

            if (EnglishWords.Function.Contains(word))
            {
                function++;
                continue;
            }

            content++;
            ings += word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal) ? 1 : 0;
            lys += word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) ? 1 : 0;
            nominalisations += IsNominalisation(word) ? 1 : 0;
            var zipf = frequencies.Zipf(word);
            unknown += frequencies.Contains(word) ? 0 : 1;
            rare3 += zipf < 3 ? 1 : 0;
            rare35 += zipf < 3.5 ? 1 : 0;
            rare4 += zipf < 4 ? 1 : 0;
            rare45 += zipf < 4.5 ? 1 : 0;
            raritySum += Math.Max(0, 5 - zipf);
            if (zipfCount < zipfs.Length)
            {
                zipfs[zipfCount++] = zipf;
            }
        }

        var sorted = zipfs[..zipfCount];
        sorted.Sort();
        var lexical = words - proper;
        features[0] = words;
        features[1] = Math.Log(1 + words);
        features[2] = tokenCount;
        features[3] = content;
        features[4] = zipfCount == 0 ? 6 : Mean(sorted);
        features[5] = zipfCount > 0 ? sorted[0] : 7;
        features[6] = zipfCount > 1 ? sorted[1] : 7;
        features[7] = zipfCount > 2 ? sorted[2] : 7;
        features[8] = zipfCount == 0 ? 7 : sorted[zipfCount / 2];
        features[9] = rare3;
        features[10] = rare35;
        features[11] = rare4;
        features[12] = rare45;
        features[13] = content == 0 ? 0 : rare4 / content;
        features[14] = raritySum;
        features[15] = unknown;
        features[16] = proper;
        features[17] = words == 0 ? 0 : proper / words;
        features[18] = numbers;
        features[19] = commas;
        features[20] = parens;
        features[21] = colons;
        features[22] = quotes;
        features[23] = hyphens;
        features[24] = lexical <= 0 ? 0 : letters / lexical;
        features[25] = longWords;
        features[26] = lexical <= 0 ? 0 : syllables / lexical;
        features[27] = polysyllables;
        features[28] = words == 0 ? 0 : function / words;
        features[29] = relatives;
        features[30] = subordinators;
        features[31] = coordinators;
        features[32] = that;
        features[33] = passives;
        features[34] = ings;
        features[35] = lys;
        features[36] = nominalisations;
        features[37] = prepositions;
        features[38] = connectives;
        features[39] = auxiliaries;
        features[40] = pronouns;
        features[41] = relatives + subordinators + that + commas / 2;
    }

    /// <summary>Vowel groups, less a silent final e; at least one.</summary>
    internal static int Syllables(string word)
    {
        var count = 0;
        var previousVowel = false;
        foreach (var c in word)
        {
            var vowel = c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
            if (vowel && !previousVowel)
            {
                count++;
            }

            previousVowel = vowel;
        }

        if (word.Length > 2 && word[^1] == 'e' && word[^2] is not ('l' or 'e') && count > 1)
        {
            count--;
        }

        return Math.Max(1, count);
    }

    private static bool IsParticiple(IReadOnlyList<LanguageToken> tokens, int from)
    {
        for (var k = from; k < tokens.Count && k < from + 2; k++)
        {
            if (tokens[k].Kind != TokenKind.Word)
            {
                return false;
            }

            var w = tokens[k].Lower;
            if ((w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal)) || EnglishWords.IrregularParticiples.Contains(w))
            {
                return true;
            }

            if (!w.EndsWith("ly", StringComparison.Ordinal) && w is not ("not" or "also" or "then" or "still"))
            {
                return false;
            }
        }

        return false;
    }

    private static bool IsNominalisation(string word) =>
        word.Length > 6 && (word.EndsWith("tion", StringComparison.Ordinal) || word.EndsWith("sion", StringComparison.Ordinal)
            || word.EndsWith("ment", StringComparison.Ordinal) || word.EndsWith("ness", StringComparison.Ordinal)
            || word.EndsWith("ity", StringComparison.Ordinal) || word.EndsWith("ance", StringComparison.Ordinal)
            || word.EndsWith("ence", StringComparison.Ordinal) || word.EndsWith("ism", StringComparison.Ordinal));

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
