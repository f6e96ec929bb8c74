using System.Globalization;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>One candidate message after <see cref="TurnIntegrity.Screen"/>.</summary>
/// <param name="Genuine">The part of the message a judge scores (the whole message when nothing was found).</param>
/// <param name="Flags">Why anything was left out.</param>
/// <param name="Fingerprints">The message's sentence fingerprints, to recognise it when it comes again (see <see cref="TurnIntegrity.Fingerprint"/>).</param>
internal sealed record TurnScreening(string Genuine, IReadOnlyList<RedFlag> Flags, IReadOnlyList<long> Fingerprints)
{
    /// <summary>The message's words, split once here; a judge of <see cref="Genuine"/> reuses them when it is the whole message (<see cref="AnswerTokens.Text"/>).</summary>
    public AnswerTokens? Tokens { get; init; }

    /// <summary>The words of <see cref="Genuine"/>: <see cref="Tokens"/> when nothing was left out, else split afresh.</summary>
    public AnswerTokens GenuineTokens() => Tokens is { } tokens && ReferenceEquals(tokens.Text, Genuine) ? tokens : AnswerTokens.Parse(Genuine);
}

/// <summary>
/// The checks no judge can make on one answer alone, run on each candidate message before it is judged: an answer
/// longer than anyone could type between the question and the answer, and an answer that repeats what the candidate
/// wrote for another question. The impossible part is left out (only what could have been typed, the repeated
/// sentences dropped) and flagged, naming the question repeated. Pure and thread-safe; fingerprints are stable across
/// processes, so they are stored with each answer.
/// </summary>
internal static class TurnIntegrity
{
    /// <summary>Characters per second no one sustains (about 240 words a minute; fast typists manage 80 to 120).</summary>
    public const double MaxCharsPerSecond = 20;

    /// <summary>Answers shorter than this are never checked for speed: a quick short reply is normal.</summary>
    public const int MinTypingCheckChars = 120;

    /// <summary>Allowance for clock differences between the channel and the bot.</summary>
    public static readonly TimeSpan ClockGrace = TimeSpan.FromSeconds(3);

    /// <summary>Share of an answer's content words, in repeated sentences, at which the answer counts as repeated.</summary>
    public const double RepeatedShare = 0.5;

    /// <summary>Content words an answer needs in repeated sentences before it counts as repeated.</summary>
    public const int MinRepeatedWords = 6;

    /// <summary>Distinct, not very common content words a sentence needs to get a fingerprint (shorter ones coincide).</summary>
    public const int MinFingerprintTerms = 3;

    /// <summary>Sentences fingerprinted per message.</summary>
    public const int MaxFingerprints = 48;

    /// <param name="text">The candidate's message (untrusted; the caller bounds it).</param>
    /// <param name="timeToAnswer">Wall-clock time from the question being sent to the answer being sent, pauses included (the
    /// candidate may type while paused); null when unknown.</param>
    /// <param name="earlier">Fingerprints of the candidate's earlier messages, with the question each answered.</param>
    public static TurnScreening Screen(string text, TimeSpan? timeToAnswer, IEnumerable<(string QuestionId, IReadOnlyList<long> Fingerprints)> earlier)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(earlier);
        var flags = new List<RedFlag>();
        // The message's words and sentence hashes once: the fingerprints and, unless the typing check cut the text, the
        // repeat check read the same ones.
        var parsed = AnswerTokens.Parse(text);
        var sentences = Sentences(parsed);
        var fingerprints = Fingerprints(sentences);
        var genuine = text;
        var length = text.Trim().Length;
        if (timeToAnswer is { } elapsed && length >= MinTypingCheckChars)
        {
            var possible = (int)Math.Floor(MaxCharsPerSecond * Math.Max(0, (elapsed + ClockGrace).TotalSeconds));
            if (length > possible)
            {
                genuine = Typeable(text, possible);
                flags.Add(new RedFlag(RedFlag.TypingSpeed, string.Create(CultureInfo.InvariantCulture,
                    $"The answer has {length:N0} characters but arrived {Describe(elapsed)} after the question (faster than anyone types); only the first {genuine.Trim().Length:N0} characters were judged.")));
            }
        }

        var repeated = ReferenceEquals(genuine, text) ? Repeated(genuine, parsed, sentences, earlier) : Repeated(genuine, earlier);
        if (repeated is { } found)
        {
            genuine = found.Genuine;
            flags.Add(found.Flag);
        }

        return new TurnScreening(genuine, flags, fingerprints) { Tokens = parsed };
    }

    /// <summary>
    /// A fingerprint per sentence with at least <see cref="MinFingerprintTerms"/> distinct content words: a stable hash of
    /// its content words' stems, sorted (so word order, function words and inflections do not matter), with the count
    /// of its content words in the low 8 bits.
    /// </summary>
    public static IReadOnlyList<long> Fingerprint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Fingerprints(Sentences(AnswerTokens.Parse(text)));
    }

    private static List<long> Fingerprints(IEnumerable<(long Hash, int Words, SentenceRange Range)> sentences)
    {
        var result = new List<long>();
        foreach (var (hash, words, _) in sentences)
        {
            result.Add((hash << 8) | (long)Math.Min(words, 255));
            if (result.Count >= MaxFingerprints)
            {
                break;
            }
        }

        return result;
    }

    private static (string Genuine, RedFlag Flag)? Repeated(string text, IEnumerable<(string QuestionId, IReadOnlyList<long> Fingerprints)> earlier)
    {
        var parsed = AnswerTokens.Parse(text);
        return Repeated(text, parsed, Sentences(parsed), earlier);
    }

    private static (string Genuine, RedFlag Flag)? Repeated(
        string text,
        AnswerTokens parsed,
        IEnumerable<(long Hash, int Words, SentenceRange Range)> sentences,
        IEnumerable<(string QuestionId, IReadOnlyList<long> Fingerprints)> earlier)
    {
        Dictionary<long, string>? seen = null;
        foreach (var (questionId, fingerprints) in earlier)
        {
            foreach (var fingerprint in fingerprints)
            {
                (seen ??= []).TryAdd(fingerprint >> 8, questionId);
            }
        }

        if (seen is null)
        {
            return null;
        }

        var total = parsed.Tokens.Count(t => !t.IsFunctionWord);
        var repeatedWords = 0;
        var parts = new List<(int Start, int End)>();
        var questions = new List<string>();
        foreach (var (hash, words, range) in sentences)
        {
            if (seen.TryGetValue(hash, out var questionId))
            {
                repeatedWords += words;
                parts.Add((range.Start, range.End));
                if (!questions.Contains(questionId, StringComparer.Ordinal))
                {
                    questions.Add(questionId);
                }
            }
        }

        if (repeatedWords < MinRepeatedWords || repeatedWords < RepeatedShare * total)
        {
            return null;
        }

        var share = (int)Math.Round(100.0 * repeatedWords / Math.Max(1, total));
        var flag = new RedFlag(RedFlag.RepeatedAnswer, string.Create(CultureInfo.InvariantCulture,
            $"The answer repeats what the candidate wrote for {string.Join(", ", questions.Take(3))} ({share}% of its words); the repeated part was left out of the judgment."));
        return (AnswerScreen.Remove(text, parts), flag);
    }

    /// <summary>Per sentence with at least <see cref="MinFingerprintTerms"/> distinct terms: the stable hash of those terms sorted and joined with spaces, its content words and its range.</summary>
    private static List<(long Hash, int Words, SentenceRange Range)> Sentences(AnswerTokens parsed)
    {
        var result = new List<(long Hash, int Words, SentenceRange Range)>(parsed.Sentences.Count);
        var terms = new List<string>();
        var tokens = parsed.Tokens;
        var words = 0;
        var sentence = -1;
        for (var i = 0; i <= tokens.Count; i++)
        {
            var next = i < tokens.Count ? tokens[i].Sentence : int.MaxValue;
            if (next != sentence)
            {
                if (sentence >= 0 && SortedHash(terms) is { Distinct: >= MinFingerprintTerms } sorted)
                {
                    result.Add((sorted.Hash & 0x007F_FFFF_FFFF_FFFF, words, parsed.Sentences[sentence]));
                }

                terms.Clear();
                words = 0;
                sentence = next;
            }

            if (i < tokens.Count && !tokens[i].IsFunctionWord)
            {
                words++;
                if (!JudgingLexicon.CommonStems.Contains(tokens[i].Stem))
                {
                    terms.Add(tokens[i].Term);
                }
            }
        }

        return result;
    }

    /// <summary><see cref="Shingles.Stable"/> of the distinct <paramref name="terms"/> sorted ordinally and joined with spaces, without building that string.</summary>
    private static (long Hash, int Distinct) SortedHash(List<string> terms)
    {
        terms.Sort(StringComparer.Ordinal);
        var hash = Shingles.Seed;
        var distinct = 0;
        for (var k = 0; k < terms.Count; k++)
        {
            if (k > 0 && string.Equals(terms[k], terms[k - 1], StringComparison.Ordinal))
            {
                continue;
            }

            hash = distinct++ == 0 ? Shingles.Mix(hash, terms[k]) : Shingles.Mix(Shingles.Mix(hash, ' '), terms[k]);
        }

        return (hash, distinct);
    }

    /// <summary>The start of <paramref name="text"/> that fits in <paramref name="possible"/> characters, ending at a sentence or word end.</summary>
    private static string Typeable(string text, int possible)
    {
        if (possible <= 0)
        {
            return string.Empty;
        }

        var cut = text[..Math.Min(text.Length, possible)];
        var sentenceEnd = cut.LastIndexOfAny(['.', '!', '?', '\n']);
        if (sentenceEnd >= possible / 2)
        {
            return cut[..(sentenceEnd + 1)];
        }

        var space = cut.LastIndexOf(' ');
        return space > 0 ? cut[..space] : string.Empty;
    }

    private static string Describe(TimeSpan elapsed) =>
        elapsed < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, elapsed.TotalMilliseconds):0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.#} s");
}
