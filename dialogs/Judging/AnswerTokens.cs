namespace ScreeningBot.Dialogs.Judging;

/// <summary>One word of a text.</summary>
/// <param name="Start">Offset of the word in the text.</param>
/// <param name="Length">Length of the word in the text.</param>
/// <param name="Word">The word, lowercase, apostrophes as <c>'</c>.</param>
/// <param name="Term">The matching key: stemmed and mapped to its synonym group (equal to <see cref="Word"/> for function words).</param>
/// <param name="Stem">The stemmed word before synonym mapping.</param>
/// <param name="Sentence">Index of the sentence the word belongs to.</param>
internal readonly record struct Token(
    int Start,
    int Length,
    string Word,
    string Term,
    string Stem,
    int Sentence,
    bool IsFunctionWord,
    bool IsNumber,
    bool IsAcronym);

/// <summary>A sentence of a text as a range of offsets (end exclusive), untrimmed.</summary>
internal readonly record struct SentenceRange(int Start, int End);

/// <summary>
/// Splits text into words and sentences for the rubric judge. Words are runs of letters and digits, keeping
/// inner apostrophes (<c>don't</c>), decimal points (<c>99.9</c>) and the <c>++</c>/<c>#</c> of <c>c++</c>/<c>c#</c>.
/// Words longer than <see cref="MaxWordLength"/> are cut (they are never useful terms).
/// </summary>
internal sealed class AnswerTokens
{
    public const int MaxWordLength = 48;

    private AnswerTokens(List<Token> tokens, List<SentenceRange> sentences, string? text)
    {
        Tokens = tokens;
        Sentences = sentences;
        Text = text;
    }

    public IReadOnlyList<Token> Tokens { get; }

    public IReadOnlyList<SentenceRange> Sentences { get; }

    /// <summary>The string these are the words of, when parsed from one (<see cref="Parse(string)"/>): lets a later step reuse them for the same text.</summary>
    public string? Text { get; }

    /// <summary>The words of <paramref name="text"/>, remembering it (<see cref="Text"/>).</summary>
    public static AnswerTokens Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Parse(text.AsSpan(), text);
    }

    public static AnswerTokens Parse(ReadOnlySpan<char> text) => Parse(text, null);

    private static AnswerTokens Parse(ReadOnlySpan<char> text, string? source)
    {
        var tokens = new List<Token>(Math.Min(text.Length / 5 + 4, 4096));
        var sentences = new List<SentenceRange>();
        Span<char> buffer = stackalloc char[MaxWordLength];
        var sentence = 0;
        var sentenceStart = 0;
        var sentenceHasWords = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                var start = i;
                i = ScanWord(text, i);
                tokens.Add(MakeToken(text, start, i - start, sentence, buffer));
                sentenceHasWords = true;
                continue;
            }

            var boundary = c == '\n' || ((c is '.' or '!' or '?' or ';') && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])));
            i++;
            if (boundary && sentenceHasWords)
            {
                sentences.Add(new SentenceRange(sentenceStart, i));
                sentenceStart = i;
                sentence++;
                sentenceHasWords = false;
            }
            else if (boundary)
            {
                sentenceStart = i;
            }
        }

        if (sentenceHasWords)
        {
            sentences.Add(new SentenceRange(sentenceStart, text.Length));
        }

        return new AnswerTokens(tokens, sentences, source);
    }

    /// <summary>Stems a lowercase word and maps it to its synonym group.</summary>
    public static (string Stem, string Term) ToTerm(string word)
    {
        Span<char> buffer = stackalloc char[MaxWordLength];
        var length = Math.Min(word.Length, MaxWordLength);
        word.AsSpan(0, length).CopyTo(buffer);
        return ToTerm(buffer[..length], word);
    }

    private static (string Stem, string Term) ToTerm(Span<char> lower, string word)
    {
        var span = lower;
        if (span.EndsWith("'s", StringComparison.Ordinal))
        {
            span = span[..^2];
        }

        var stemLength = LightStemmer.Stem(span);
        var stem = span[..stemLength];
        var stemText = stem.SequenceEqual(word) ? word : new string(stem);
        return (stemText, JudgingLexicon.Canonical.TryGetValue(stemText, out var canonical) ? canonical : stemText);
    }

    private static int ScanWord(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                i++;
            }
            else if ((c is '\'' or '\u2019') && i > start && i + 1 < text.Length && char.IsLetter(text[i + 1]) && char.IsLetter(text[i - 1]))
            {
                i++;
            }
            else if (c == '.' && char.IsDigit(text[i - 1]) && i + 1 < text.Length && char.IsDigit(text[i + 1]))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // c++ and c#: only right after a short word, so "a+b" stays two words.
        if (i - start <= 2 && i < text.Length)
        {
            if (text[i] == '#' && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1])))
            {
                i++;
            }
            else if (text[i] == '+' && i + 1 < text.Length && text[i + 1] == '+')
            {
                i += 2;
            }
        }

        return i;
    }

    private static Token MakeToken(ReadOnlySpan<char> text, int start, int length, int sentence, Span<char> buffer)
    {
        var source = text.Slice(start, Math.Min(length, MaxWordLength));
        var upper = 0;
        var letters = 0;
        for (var k = 0; k < source.Length; k++)
        {
            var c = source[k];
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c))
                {
                    upper++;
                }
            }

            buffer[k] = c == '\u2019' ? '\'' : char.ToLowerInvariant(c);
        }

        var lower = buffer[..source.Length];

        // "APIs", "URLs": an acronym's plural; fold it here, where the casing still tells it apart from "axis".
        var acronymPlural = upper >= 2 && upper == letters - 1 && source.Length <= 9 && source[^1] == 's';
        if (acronymPlural)
        {
            lower = lower[..^1];
        }

        var word = new string(lower);
        var isNumber = char.IsDigit(source[0]);
        var isAcronym = (upper >= 2 && upper == letters && source.Length <= 8) || acronymPlural;
        if (JudgingLexicon.FunctionWords.Contains(word))
        {
            return new Token(start, length, word, word, word, sentence, IsFunctionWord: true, isNumber, IsAcronym: false);
        }

        var (stem, term) = ToTerm(lower, word);
        return new Token(start, length, word, term, stem, sentence, IsFunctionWord: false, isNumber, isAcronym);
    }
}
