namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// Splits written text into sentences and tokens. Reads both ordinary prose ("I don't know.") and the
/// pre-tokenised sentences of the CEFR-SP evaluation set ("I do n't know ."), so both give the same tokens.
/// </summary>
internal static class LanguageText
{
    /// <summary>Longest text read; the rest of a longer answer is ignored.</summary>
    public const int MaxCharacters = 20_000;

    private static readonly string[] Abbreviations = ["e.g", "i.e", "etc", "vs", "mr", "mrs", "ms", "dr", "prof", "approx", "incl", "no", "st", "jr", "sr", "cf"];

    /// <summary>The sentences of <paramref name="text"/>: split after . ! ? (not inside numbers or after common abbreviations) and at line breaks.</summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxCharacters)
        {
            text = text[..MaxCharacters];
        }

        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '\n' or '\r';
            if (c is '.' or '!' or '?' or '…')
            {
                var next = i + 1 < text.Length ? text[i + 1] : ' ';
                end = (char.IsWhiteSpace(next) || next is '"' or '\'' or ')' or '”') && !(c == '.' && IsAbbreviation(text, start, i));
            }

            if (end)
            {
                Add(sentences, text[start..(i + 1)]);
                start = i + 1;
            }
        }

        Add(sentences, text[start..]);
        return sentences;
    }

    /// <summary>The tokens of one sentence. Hyphenated words are split into their parts; contractions into word and clitic.</summary>
    public static List<LanguageToken> Tokens(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var tokens = new List<LanguageToken>(sentence.Length / 4);
        var i = 0;
        while (i < sentence.Length)
        {
            var c = sentence[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (char.IsLetter(c))
            {
                var start = i;
                while (i < sentence.Length && (char.IsLetter(sentence[i]) || char.IsDigit(sentence[i]) || IsInnerApostrophe(sentence, i)))
                {
                    i++;
                }

                AddWord(tokens, sentence[start..i]);
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < sentence.Length && (char.IsLetterOrDigit(sentence[i]) || (sentence[i] is '.' or ',' && i + 1 < sentence.Length && char.IsDigit(sentence[i + 1]))))
                {
                    i++;
                }

                tokens.Add(new LanguageToken(sentence[start..i], sentence[start..i], TokenKind.Number));
            }
            else if (c is '\'' or '’' && i + 1 < sentence.Length && char.IsLetter(sentence[i + 1]) && (i == 0 || char.IsWhiteSpace(sentence[i - 1])))
            {
                // A clitic written apart, as the evaluation set does: "it 's", "they 're".
                var start = i;
                i++;
                while (i < sentence.Length && char.IsLetter(sentence[i]))
                {
                    i++;
                }

                var text = sentence[start..i];
                var lower = Normalise(text);
                tokens.Add(new LanguageToken(text, lower, lower is "'s" or "'re" or "'ve" or "'ll" or "'d" or "'m" ? TokenKind.Clitic : TokenKind.Word));
            }
            else
            {
                var kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
                var length = char.IsSurrogatePair(sentence, i) ? 2 : 1;
                tokens.Add(new LanguageToken(sentence.Substring(i, length), sentence.Substring(i, length), kind));
                i += length;
            }
        }

        return tokens;
    }

    private static void AddWord(List<LanguageToken> tokens, string word)
    {
        var lower = Normalise(word);
        if (lower == "n't" || lower.EndsWith("n't", StringComparison.Ordinal))
        {
            // "don't" → do + n't; "can't" → ca + n't, as the evaluation set writes it; "n't" alone is already split.
            var stem = word[..^3];
            if (stem.Length > 0)
            {
                tokens.Add(new LanguageToken(stem, Normalise(stem), TokenKind.Word));
            }

            tokens.Add(new LanguageToken(word[^3..], "n't", TokenKind.Clitic));
            return;
        }

        var apostrophe = lower.IndexOf('\'', StringComparison.Ordinal);
        if (apostrophe > 0)
        {
            var stem = word[..apostrophe];
            var clitic = lower[apostrophe..];
            tokens.Add(new LanguageToken(stem, lower[..apostrophe], TokenKind.Word));
            tokens.Add(new LanguageToken(word[apostrophe..], clitic, clitic is "'s" or "'re" or "'ve" or "'ll" or "'d" or "'m" ? TokenKind.Clitic : TokenKind.Word));
            return;
        }

        tokens.Add(new LanguageToken(word, lower, TokenKind.Word));
    }

    private static bool IsInnerApostrophe(string s, int i) =>
        s[i] is '\'' or '’' && i > 0 && i + 1 < s.Length && char.IsLetter(s[i - 1]) && char.IsLetter(s[i + 1]);

    private static string Normalise(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Contains('’', StringComparison.Ordinal) ? lower.Replace('’', '\'') : lower;
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var wordStart = dot;
        while (wordStart > start && (char.IsLetter(text[wordStart - 1]) || text[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true; // an initial: "J. R. R. Tolkien"
        }

        return Abbreviations.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    private static void Add(List<string> sentences, string sentence)
    {
        var trimmed = sentence.Trim();
        if (trimmed.Length > 0)
        {
            sentences.Add(trimmed);
        }
    }
}
