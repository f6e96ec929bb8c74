using System.Collections.Frozen;

namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// Counts grammar slips that mark a learner's English at B1 and below: "I was not agree", "he don't", "I have make",
/// "didn't went", "can to", "more better", "since three years", "informations", "a engineer", "explain me", and words
/// without grammar ("the of", "a and") that mark word salad. Each rule is narrow on purpose: a rule that fires on
/// correct English would lower a good writer's level, so it only looks at closed-class words next to each other.
/// </summary>
internal static class GrammarChecks
{
    private static readonly FrozenSet<string> SubjectPronouns = Set("i", "you", "he", "she", "it", "we", "they");

    private static readonly FrozenSet<string> ThirdPerson = Set("he", "she", "it");

    /// <summary>Base forms that are verbs, not nouns, after "I am" / "I was" / "it is".</summary>
    private static readonly FrozenSet<string> BaseVerbs = Set(
        "agree", "disagree", "know", "understand", "want", "need", "think", "believe", "make", "do", "go", "improve", "introduce",
        "optimize", "optimise", "develop", "implement", "create", "manage", "write", "deploy", "solve", "learn", "reduce", "decide",
        "explain", "maintain", "choose", "finish", "prefer", "depend", "happen", "exist", "live", "come", "see", "get", "give",
        "take", "find", "try", "ask", "tell", "say", "speak", "migrate", "refactor", "discuss", "prepare", "analyse", "analyze",
        "communicate", "collaborate", "have", "work", "use", "lead", "build", "join", "leave", "become", "begin", "bring", "teach");

    /// <summary>Base forms whose past participle differs: "I have make" is a slip, "I have made" is not.</summary>
    private static readonly FrozenSet<string> IrregularBases = Set(
        "make", "do", "go", "take", "write", "see", "give", "know", "begin", "break", "choose", "speak", "eat", "drive", "find",
        "get", "teach", "bring", "buy", "think", "tell", "say", "leave", "feel", "build", "send", "spend", "lose", "win", "meet",
        "pay", "understand", "learn", "lead", "fly", "grow", "draw", "forget");

    private static readonly FrozenSet<string> IrregularPasts = Set(
        "went", "made", "took", "saw", "wrote", "gave", "knew", "came", "ran", "was", "were", "had", "did", "thought", "told",
        "said", "found", "got", "brought", "bought", "began", "chose", "spoke", "left", "felt", "built", "sent", "spent", "lost",
        "won", "led", "met", "paid", "taught", "understood");

    private static readonly FrozenSet<string> DoAndModals = Set(
        "do", "does", "did", "can", "ca", "could", "will", "wo", "would", "should", "must", "may", "might", "shall");

    private static readonly FrozenSet<string> Comparatives = Set(
        "better", "worse", "easier", "faster", "bigger", "simpler", "cheaper", "harder", "larger", "smaller", "higher", "lower",
        "best", "easiest", "fastest", "simplest", "biggest", "cheapest");

    private static readonly FrozenSet<string> Uncountables = Set(
        "informations", "advices", "feedbacks", "equipments", "softwares", "knowledges", "hardwares", "furnitures", "homeworks", "peoples");

    private static readonly FrozenSet<string> NumberWords = Set(
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "many", "several", "few");

    private static readonly FrozenSet<string> TimeUnits = Set("year", "years", "month", "months", "week", "weeks", "day", "days");

    /// <summary>Verbs that cannot follow "for" / "of" / "about" in their base form.</summary>
    private static readonly FrozenSet<string> VerbsAfterPreposition = Set(
        "maintain", "improve", "implement", "optimize", "optimise", "reduce", "understand", "create", "develop", "avoid", "ensure",
        "achieve", "decide", "explain", "migrate", "solve", "deploy");

    private static readonly FrozenSet<string> Determiners = Set("the", "a", "an", "my", "your", "our", "their", "its", "every", "each");

    /// <summary>Words a determiner or "of" is never directly followed by.</summary>
    private static readonly FrozenSet<string> NeverAfterDeterminer = Set(
        "the", "a", "an", "my", "your", "our", "their", "of", "in", "on", "at", "to", "for", "with", "from", "by", "is", "are", "was",
        "were", "be", "am", "and", "or", "but", "i", "he", "she", "we", "they", "can", "will", "would", "should", "must", "if",
        "because", "although", "which", "who");

    private static readonly FrozenSet<string> NeverAfterOf = Set(
        "is", "are", "was", "were", "am", "and", "or", "but", "of", "can", "will", "would", "should", "must", "i", "he", "she",
        "we", "they", "because", "although", "if");

    private static readonly FrozenSet<string> Clauses = Set("and", "but", "because", "so", "when", "if", "that", "while", "although", "then", "or");

    /// <summary>The slips in one sentence's tokens: grammar slips and word-salad sequences, counted apart.</summary>
    public static (int Slips, int Salad) Count(IReadOnlyList<LanguageToken> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var slips = 0;
        var salad = 0;
        for (var k = 0; k < tokens.Count; k++)
        {
            var token = tokens[k];
            if (token.Kind is not (TokenKind.Word or TokenKind.Clitic))
            {
                continue;
            }

            var w = token.Lower;
            var next = Word(tokens, k + 1);
            var afterNot = next is "not" or "n't" ? Word(tokens, k + 2) : next;
            var subject = SubjectPronouns.Contains(w) && IsClauseStart(tokens, k);

            // "I was not agree", "I am work", "it was improve"
            var verbAfterBe = Word(tokens, k + 2) is "not" or "n't" ? Word(tokens, k + 3) : Word(tokens, k + 2);
            if ((subject && next is "am" or "is" or "are" or "was" or "were" or "'m" or "'s" or "'re" && verbAfterBe is not null && BaseVerbs.Contains(verbAfterBe))
                || (w == "am" && afterNot is not null && BaseVerbs.Contains(afterNot) && afterNot is not ("have" or "do")))
            {
                slips++;
            }

            // "he don't", "she have", "it want"; "I has", "they was", "you is"
            if (subject && next is not null && ((ThirdPerson.Contains(w) && next is "do" or "have" or "want" or "need" or "know" or "think" or "go" or "like" or "work" or "make")
                || (w is "i" && next is "has" or "is" or "are" or "does")
                || (w is "you" or "we" or "they" && next is "has" or "is" or "was" or "does")))
            {
                slips++;
            }

            // "I have make", "has not go"
            if (w is "have" or "has" or "had" && afterNot is not null && IrregularBases.Contains(afterNot))
            {
                slips++;
            }

            // "didn't went", "can to", "will going", "must to"
            if (DoAndModals.Contains(w) && afterNot is not null
                && (IrregularPasts.Contains(afterNot) || (afterNot == "to" && w is not ("do" or "does" or "did")) || (afterNot.Length > 5 && afterNot.EndsWith("ing", StringComparison.Ordinal) && w is not ("do" or "does" or "did"))))
            {
                slips++;
            }

            // "more better", "most easiest"
            if (w is "more" or "most" && next is not null && Comparatives.Contains(next))
            {
                slips++;
            }

            // "since three years"
            if (w == "since" && tokens.Count > k + 2 && (tokens[k + 1].Kind == TokenKind.Number || NumberWords.Contains(tokens[k + 1].Lower)) && TimeUnits.Contains(tokens[k + 2].Lower))
            {
                slips++;
            }

            if (Uncountables.Contains(w))
            {
                slips++;
            }

            // "a engineer", "an system" (lower-case words only: "an SQL query" is right; u- and h- words go both ways)
            if (w is "a" or "an" && k + 1 < tokens.Count && tokens[k + 1].Kind == TokenKind.Word && !tokens[k + 1].IsCapitalized && tokens[k + 1].Lower.Length > 1
                && tokens[k + 1].Lower[0] is not ('u' or 'h') && !tokens[k + 1].Lower.StartsWith("one", StringComparison.Ordinal) && !tokens[k + 1].Lower.StartsWith("eu", StringComparison.Ordinal))
            {
                var vowel = tokens[k + 1].Lower[0] is 'a' or 'e' or 'i' or 'o';
                if (w == "a" == vowel)
                {
                    slips++;
                }
            }

            // "explain me", "discuss about", "depend of", "people is"
            if ((w is "explain" or "explained" && next is "me" or "us" or "him" or "her" or "them")
                || (w is "discuss" or "discussed" && next == "about")
                || (w is "depend" or "depends" or "depended" && next is "of" or "from")
                || (w == "people" && next is "is" or "was" or "has"))
            {
                slips++;
            }

            // "for maintain", "of improve"
            if (w is "for" or "of" or "about" && next is not null && VerbsAfterPreposition.Contains(next))
            {
                slips++;
            }

            // "let me to", "make him to"
            if (w is "let" or "lets" or "make" or "makes" && next is "me" or "us" or "him" or "her" or "them" && Word(tokens, k + 2) == "to")
            {
                slips++;
            }

            if (w == "i" && token.Text == "i")
            {
                slips++;
            }

            if (next == w && w is not ("that" or "had") && token.Kind == TokenKind.Word)
            {
                slips++;
            }

            // Word salad: a determiner before a preposition, verb or conjunction; "of" before a verb; a sentence ending on either.
            if (Determiners.Contains(w) && (next is null ? EndsSentence(tokens, k) : NeverAfterDeterminer.Contains(next)))
            {
                salad++;
            }
            else if (w == "of" && (next is null ? EndsSentence(tokens, k) : NeverAfterOf.Contains(next)))
            {
                salad++;
            }
        }

        return (slips, salad);
    }

    private static string? Word(IReadOnlyList<LanguageToken> tokens, int index) =>
        index < tokens.Count && tokens[index].Kind is TokenKind.Word or TokenKind.Clitic ? tokens[index].Lower : null;

    private static bool IsClauseStart(IReadOnlyList<LanguageToken> tokens, int index) =>
        index == 0 || tokens[index - 1].Kind == TokenKind.Punctuation || Clauses.Contains(tokens[index - 1].Lower);

    private static bool EndsSentence(IReadOnlyList<LanguageToken> tokens, int index) =>
        index + 1 >= tokens.Count || tokens[index + 1].Text is "." or "!" or "?" or ";";

    private static FrozenSet<string> Set(params string[] words) => words.ToFrozenSet(StringComparer.Ordinal);
}
