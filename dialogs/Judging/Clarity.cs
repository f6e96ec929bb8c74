namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// How clearly one message of the candidate is written, 0–5: complete sentences (a subject or article, several content
/// words), enough of them, and structure (reasons, trade-offs, examples, sequence). A word or two ("idk", "REST
/// calls.") never scores more than <see cref="MaxForFragment"/>, a short phrase no more than <see cref="MaxForShort"/>.
/// It reads form, not correctness; the communication dimension combines it with how much of the question was covered.
/// </summary>
internal static class Clarity
{
    /// <summary>Highest clarity of a message of fewer than <see cref="FragmentWords"/> words.</summary>
    public const double MaxForFragment = 0.5;

    /// <summary>Highest clarity of a message of fewer than <see cref="ShortWords"/> words.</summary>
    public const double MaxForShort = 2.0;

    public const int FragmentWords = 4;
    public const int ShortWords = 12;

    /// <summary>Words at which a message counts as fully developed (log scale up to here).</summary>
    private const int FullWords = 60;

    /// <summary>Mean words per sentence above which sentences run on.</summary>
    private const int RunOnWords = 35;

    private static readonly string[] Sequence = ["first", "then", "next", "finally", "after", "before", "once", "second", "lastly"];

    public static double Measure(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = AnswerTokens.Parse(text);
        var tokens = parsed.Tokens;
        if (tokens.Count == 0)
        {
            return 0;
        }

        var complete = 0;
        var sentenceStart = 0;
        for (var i = 0; i <= tokens.Count; i++)
        {
            if (i < tokens.Count && tokens[i].Sentence == tokens[sentenceStart].Sentence)
            {
                continue;
            }

            var words = i - sentenceStart;
            var function = 0;
            for (var k = sentenceStart; k < i; k++)
            {
                function += tokens[k].IsFunctionWord ? 1 : 0;
            }

            complete += words >= 5 && function >= 1 && words - function >= 2 ? words : 0;
            sentenceStart = i;
        }

        var completeShare = (double)complete / tokens.Count;
        var length = Math.Min(1.0, Math.Log(1 + tokens.Count) / Math.Log(1 + FullWords));
        var meanSentence = (double)tokens.Count / Math.Max(1, parsed.Sentences.Count);
        var runOn = meanSentence <= RunOnWords ? 1.0 : Math.Max(0.5, 1 - ((meanSentence - RunOnWords) / 40));
        var clarity = 5 * ((0.45 * completeShare * runOn) + (0.30 * length) + (0.25 * Structure(tokens)));
        return Judgment.Clamp(tokens.Count < FragmentWords ? Math.Min(clarity, MaxForFragment)
            : tokens.Count < ShortWords ? Math.Min(clarity, MaxForShort)
            : clarity);
    }

    /// <summary>0–1: how many kinds of connective the message uses (reasons, trade-offs, examples, sequence), two or more being full.</summary>
    private static double Structure(IReadOnlyList<Token> tokens)
    {
        bool causal = false, tradeOff = false, example = false, sequence = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            causal = causal || Specificity.StartsPhrase(tokens, i, JudgingLexicon.CausalPhrases);
            tradeOff = tradeOff || Specificity.StartsPhrase(tokens, i, JudgingLexicon.TradeOffPhrases);
            example = example || Specificity.StartsPhrase(tokens, i, JudgingLexicon.ExamplePhrases);
            sequence = sequence || Sequence.Contains(tokens[i].Word, StringComparer.Ordinal);
        }

        var kinds = (causal ? 1 : 0) + (tradeOff ? 1 : 0) + (example ? 1 : 0) + (sequence ? 1 : 0);
        return Math.Min(1.0, kinds / 2.0);
    }
}
