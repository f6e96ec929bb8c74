namespace ScreeningBot.Dialogs.Judging;

/// <summary>Picks the evidence quote: the most informative sentence of the answer, verbatim.</summary>
internal sealed partial class RubricJudge
{
    public const int MaxQuoteLength = 200;

    /// <summary>
    /// The sentence with the most reference/area terms and specificity markers (earliest on a tie), cut to
    /// <see cref="MaxQuoteLength"/> characters at a word boundary. Always a substring of <paramref name="text"/>.
    /// </summary>
    private static string? EvidenceQuote(string text, AnswerTokens parsed, QuestionModel model)
    {
        var sentences = parsed.Sentences;
        if (sentences.Count == 0)
        {
            return null;
        }

        var scores = new double[sentences.Count];
        var relevantSeen = new HashSet<string>(StringComparer.Ordinal);
        var contentWords = new int[sentences.Count];
        var current = -1;
        foreach (var token in parsed.Tokens)
        {
            if (token.Sentence != current)
            {
                current = token.Sentence;
                relevantSeen.Clear();
            }

            if (token.IsFunctionWord)
            {
                continue;
            }

            contentWords[current]++;
            if ((model.RelevantTerms.Contains(token.Term) || model.QuestionTerms.Contains(token.Term)) && relevantSeen.Add(token.Term))
            {
                scores[current] += model.RelevantTerms.Contains(token.Term) ? 2.0 : 0.5;
            }

            if (token.IsNumber || token.IsAcronym || JudgingLexicon.Technologies.Contains(token.Word))
            {
                scores[current] += 1.0;
            }
        }

        var best = 0;
        for (var k = 0; k < sentences.Count; k++)
        {
            scores[k] += 0.5 * Math.Min(1.0, contentWords[k] / 12.0);
            if (scores[k] > scores[best])
            {
                best = k;
            }
        }

        return Cut(text.AsSpan(sentences[best].Start, sentences[best].End - sentences[best].Start));
    }

    private static string? Cut(ReadOnlySpan<char> sentence)
    {
        sentence = sentence.Trim();
        if (sentence.Length > MaxQuoteLength)
        {
            var cut = sentence[..MaxQuoteLength];
            var space = cut.LastIndexOfAny(' ', '\n', '\t');
            cut = space >= MaxQuoteLength / 2 ? cut[..space] : cut;
            if (cut.Length > 0 && char.IsHighSurrogate(cut[^1]))
            {
                cut = cut[..^1];
            }

            sentence = cut.TrimEnd();
        }

        return sentence.IsEmpty ? null : sentence.ToString();
    }
}
