using System.Collections.Frozen;
using System.Globalization;

namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// From sentences to a candidate: the English level shown in a set of written answers. Each answer is first checked
/// for being the candidate's own English sentences (not empty, emoji, one word, another language, gibberish, a keyword
/// list, word salad or a copy of the question or of another answer); the sentences of the answers that pass are rated
/// by <see cref="SentenceLevelEstimator"/> (how difficult they are to read, the level CEFR-SP's teachers labelled),
/// pooled towards the candidate's more demanding sentences, and capped by the rate of grammar slips
/// (<see cref="GrammarChecks"/>): CEFR's B2 and C1 writers make few, B1 writers noticeable ones. Deterministic and pure.
/// </summary>
public static class WrittenLanguageAssessor
{
    /// <summary>Fewer words than this give "not enough to assess".</summary>
    public const int MinWords = 15;

    /// <summary>Words after which confidence stops growing much (it reaches about 0.75 at this count).</summary>
    public const int WordsForConfidence = 150;

    private static readonly FrozenSet<string> ForeignFunctionWords = new[]
    {
        "der", "die", "das", "und", "ist", "ich", "nicht", "mit", "ein", "eine", "wir", "sie", "es", "auf", "für", "zu", "von",
        "el", "la", "los", "las", "y", "es", "en", "que", "de", "un", "una", "con", "por", "para", "yo", "lo", "se", "mi",
        "le", "les", "et", "est", "je", "nous", "vous", "une", "des", "du", "dans", "pour", "pas", "avec", "sur", "il",
        "het", "een", "ik", "niet", "wij", "zijn", "il", "che", "non", "per", "sono", "della", "gli", "ho", "não", "com", "eu",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static WrittenLanguageLevel Assess(IEnumerable<WrittenAnswer> answers) => Assess(answers, SentenceLevelEstimator.Default);

    internal static WrittenLanguageLevel Assess(IEnumerable<WrittenAnswer> answers, SentenceLevelEstimator estimator)
    {
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(estimator);
        var notes = new List<string>();
        var accepted = new List<List<LanguageToken>>();
        var seen = new List<string[]>();
        var notAssessable = false;
        var count = 0;
        foreach (var answer in answers)
        {
            count++;
            var text = answer.Text.Length > LanguageText.MaxCharacters ? answer.Text[..LanguageText.MaxCharacters] : answer.Text;
            var sentences = LanguageText.Sentences(text).Select(LanguageText.Tokens).Where(t => t.Count > 0).ToList();
            var (problem, fatal) = Check(sentences, answer.Question, seen, estimator.Frequencies);
            seen.Add(Words(sentences));
            if (problem is not null)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"answer {count}: {problem}"));
                notAssessable |= fatal;
                continue;
            }

            accepted.AddRange(sentences);
        }

        var words = accepted.Sum(s => s.Count(t => t.Kind == TokenKind.Word));
        if (words < MinWords)
        {
            if (accepted.Count > 0 || notes.Count == 0)
            {
                notes.Insert(0, words == 0 && count == 0 ? "no answers" : $"{words} {(words == 1 ? "word" : "words")} of English to read; at least {MinWords} are needed");
            }

            return new WrittenLanguageLevel
            {
                Verdict = notAssessable ? LanguageVerdict.NotAssessable : LanguageVerdict.NotEnoughToAssess,
                Words = words,
                Sentences = accepted.Count,
                Notes = notes,
            };
        }

        // Sentences weighted by their words; the level leans towards the more demanding half of what the candidate wrote
        // (an able writer also writes short plain sentences), then the slip rate caps it.
        var rated = accepted
            .Select(s => (Level: estimator.Estimate(s), Words: Math.Max(1, s.Count(t => t.Kind == TokenKind.Word))))
            .OrderByDescending(s => s.Level)
            .ToArray();
        var mean = rated.Sum(s => s.Level * s.Words) / rated.Sum(s => s.Words);
        var upper = rated.Take(Math.Max(1, (rated.Length + 1) / 2)).ToArray();
        var upperMean = upper.Sum(s => s.Level * s.Words) / upper.Sum(s => s.Words);
        var difficulty = (0.4 * mean) + (0.6 * upperMean);

        var slips = 0;
        var salad = 0;
        foreach (var sentence in accepted)
        {
            var (s, w) = GrammarChecks.Count(sentence);
            slips += s;
            salad += w;
        }

        var slipRate = 100.0 * (slips + salad) / words;
        var cap = slipRate switch
        {
            >= 10 => 2.4,
            >= 5 => 3.0,
            >= 3 => 3.4,
            >= 1.5 => 4.4,
            >= 0.75 => 5.2,
            _ => 6.0,
        };
        var score = Math.Round(Math.Clamp(Math.Min(difficulty, cap), 1, 6), 2);
        if (slipRate >= 1.5)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{slips + salad} grammar {(slips + salad == 1 ? "slip" : "slips")} in {words} words limit the level"));
        }

        var confidence = 0.9 * (1 - Math.Exp(-words / (WordsForConfidence / 1.8)));
        if (notes.Any(n => n.StartsWith("answer ", StringComparison.Ordinal)))
        {
            confidence -= 0.1;
        }

        return new WrittenLanguageLevel
        {
            Verdict = LanguageVerdict.Assessed,
            Score = score,
            Level = WrittenLanguageLevel.Nearest(score),
            Confidence = Math.Round(Math.Clamp(confidence, 0.05, 0.9), 2),
            Words = words,
            Sentences = accepted.Count,
            Slips = slips + salad,
            Notes = notes,
        };
    }

    /// <summary>Why an answer is not the candidate's own English sentences (and whether that makes it not assessable), or null.</summary>
    private static (string? Problem, bool Fatal) Check(List<List<LanguageToken>> sentences, string? question, List<string[]> earlier, WordFrequencyList frequencies)
    {
        var tokens = sentences.SelectMany(s => s).ToArray();
        var words = tokens.Where(t => t.Kind == TokenKind.Word).ToArray();
        if (tokens.Length == 0)
        {
            return ("empty", false);
        }

        if (words.Length == 0)
        {
            return ("no words (emoji, numbers or symbols only)", false);
        }

        if (words.Length == 1)
        {
            return ("one word", false);
        }

        // Language: English sentences are full of English function words; other languages of theirs.
        var english = 0;
        var foreign = 0;
        var unknown = 0;
        var lower = 0;
        foreach (var sentence in sentences)
        {
            var sentenceWords = sentence.Where(t => t.Kind is TokenKind.Word or TokenKind.Clitic).ToArray();
            var englishFunction = sentenceWords.Count(t => EnglishWords.Function.Contains(t.Lower));
            var foreignFunction = sentenceWords.Count(t => ForeignFunctionWords.Contains(t.Lower) && !EnglishWords.Function.Contains(t.Lower));
            var nonAscii = sentenceWords.Any(t => t.Lower.Any(c => c > 127 && char.IsLetter(c)));
            if (foreignFunction >= 2 && (foreignFunction > englishFunction || nonAscii))
            {
                foreign += sentenceWords.Length;
            }
            else
            {
                english += sentenceWords.Length;
            }

            foreach (var word in sentenceWords.Where(t => t.Kind == TokenKind.Word && !t.IsCapitalized))
            {
                lower++;
                unknown += frequencies.Contains(word.Lower) ? 0 : 1;
            }
        }

        if (foreign > 0 && english >= 3 && foreign >= 0.15 * (foreign + english))
        {
            return ("mixes English with another language", false);
        }

        if (foreign > english)
        {
            return ("not written in English", false);
        }

        if (lower >= 3 && unknown > 0.5 * lower)
        {
            return ("gibberish: most words are not English words", true);
        }

        var functionShare = (double)words.Count(t => EnglishWords.Function.Contains(t.Lower)) / words.Length;
        if (words.Length >= 4 && functionShare < 0.12)
        {
            return ("a list of keywords, not sentences", true);
        }

        var salad = sentences.Sum(s => GrammarChecks.Count(s).Salad);
        if (salad >= 2 && salad >= 0.05 * words.Length)
        {
            return ("word salad: words without grammar", true);
        }

        var own = words.Select(t => t.Lower).ToArray();
        if (question is not null && Overlap(own, Words([.. LanguageText.Sentences(question).Select(LanguageText.Tokens)])) >= 0.6)
        {
            return ("copies the question", true);
        }

        if (earlier.Any(e => Overlap(own, e) >= 0.8))
        {
            return ("repeats an earlier answer", true);
        }

        var distinctSentences = sentences.Select(s => string.Join(' ', s.Select(t => t.Lower))).Distinct(StringComparer.Ordinal).Count();
        if (sentences.Count >= 3 && distinctSentences <= sentences.Count / 2)
        {
            return ("the same sentence repeated", true);
        }

        return (null, false);
    }

    private static string[] Words(List<List<LanguageToken>> sentences) =>
        [.. sentences.SelectMany(s => s).Where(t => t.Kind == TokenKind.Word).Select(t => t.Lower)];

    /// <summary>Share of <paramref name="answer"/>'s word trigrams (or words, when short) found in <paramref name="source"/>.</summary>
    private static double Overlap(string[] answer, string[] source)
    {
        if (answer.Length == 0 || source.Length == 0)
        {
            return 0;
        }

        if (answer.Length < 3 || source.Length < 3)
        {
            var words = source.ToHashSet(StringComparer.Ordinal);
            return (double)answer.Count(words.Contains) / answer.Length;
        }

        var grams = Enumerable.Range(0, source.Length - 2).Select(i => $"{source[i]} {source[i + 1]} {source[i + 2]}").ToHashSet(StringComparer.Ordinal);
        return (double)Enumerable.Range(0, answer.Length - 2).Count(i => grams.Contains($"{answer[i]} {answer[i + 1]} {answer[i + 2]}")) / (answer.Length - 2);
    }
}
