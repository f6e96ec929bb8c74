namespace ScreeningBot.Dialogs.Judging;

/// <summary>
/// Finds the sentence that evidences a competency: one where a competency signal (a behaviour such as "wrote
/// postmortem" or "explained … product manager") matches within the sentence, in a message where the candidate speaks
/// for themselves (I, we, my team…; or a sentence that starts with the behaviour's verb, résumé style), and the
/// behaviour is not negated ("I never wrote a postmortem"). A single noun is never enough: profiles may not list one
/// (see ProfileValidator).
/// </summary>
internal static class CompetencyMatcher
{
    /// <summary>Tokens before the behaviour in which a negation cancels it (one inside it always does).</summary>
    private const int NegationReach = 3;

    /// <summary>Stems of words naming someone other than the candidate.</summary>
    private static readonly HashSet<string> OtherPeople = new(
        ["he", "she", "they", "someone", "somebody", "colleagu", "manag", "pm", "lead", "engineer", "develop", "teammat", "boss",
         "cto", "ceo", "vp", "support", "sre", "customer", "client", "user", "architect", "director"],
        StringComparer.Ordinal);

    private static readonly string[] Negations =
        ["not", "never", "no", "didn't", "don't", "doesn't", "wasn't", "weren't", "haven't", "hadn't", "couldn't", "won't", "without", "nobody"];

    /// <summary>The first sentence of <paramref name="text"/> (its offsets) showing the behaviour, or null.</summary>
    public static (int Start, int End)? Find(IReadOnlyList<SignalPattern> signals, string text)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(text);
        if (signals.Count == 0 || text.Length == 0)
        {
            return null;
        }

        var parsed = AnswerTokens.Parse(text);
        var first = 0;
        var ownAccount = parsed.Tokens.Any(t => JudgingLexicon.FirstPerson.Contains(t.Word));
        for (var s = 0; s < parsed.Sentences.Count; s++)
        {
            var last = first;
            while (last < parsed.Tokens.Count && parsed.Tokens[last].Sentence == s)
            {
                last++;
            }

            var sentence = parsed.Tokens.Skip(first).Take(last - first).ToArray();
            first = last;
            if (sentence.Length == 0)
            {
                continue;
            }

            var positions = new TokenPositions(sentence);
            foreach (var signal in signals)
            {
                var match = signal.Match(positions);
                if (match.IsFull && (ownAccount || match.Start == 0) && !SomeoneElse(sentence, match.FirstSlot < 0 ? match.Start : match.FirstSlot) && !Negated(sentence, match.Start, match.End))
                {
                    return (parsed.Sentences[s].Start, parsed.Sentences[s].End);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The behaviour has another person as its subject ("The product manager explained the plan to our customers"):
    /// a person word before its action (the signal's first slot) in the sentence and no "I" or "we" there.
    /// </summary>
    private static bool SomeoneElse(Token[] sentence, int matchStart)
    {
        var other = false;
        for (var i = 0; i < matchStart; i++)
        {
            var word = sentence[i].Word;
            if (word is "i" or "we" or "i'm" or "i've" or "we've" or "i'd" or "we'd")
            {
                return false;
            }

            other |= OtherPeople.Contains(sentence[i].Stem);
        }

        return other;
    }

    /// <summary>A negation just before the behaviour or inside it ("I was not on call").</summary>
    private static bool Negated(Token[] sentence, int matchStart, int matchEnd)
    {
        for (var i = Math.Max(0, matchStart - NegationReach); i <= matchEnd; i++)
        {
            if (Negations.Contains(sentence[i].Word, StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
