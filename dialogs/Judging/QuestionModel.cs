using System.Collections.Concurrent;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>A term to look for in an answer, with its weight.</summary>
internal readonly record struct WeightedTerm(string Term, string Stem, double Weight);

/// <summary>
/// A knowledge area: covered when any one of its name's alternatives is ("TTL / expiry" has two) or any of its signals
/// (the profile's phrasings for it) matches.
/// </summary>
internal sealed record KnowledgeAreaTerms(string Name, IReadOnlyList<IReadOnlyList<WeightedTerm>> Alternatives, IReadOnlyList<SignalPattern> Signals);

/// <summary>
/// What the rubric judge precomputes for one question: its terms (to demote), the reference answer's terms
/// (question words left out, as in Mohler et al.'s "question demoting") and each knowledge area's terms.
/// Immutable once built.
/// </summary>
internal sealed class QuestionModel
{
    /// <summary>Weight of an area word that also appears in the question: it tells less about the answer.</summary>
    private const double QuestionWordWeight = 0.5;

    /// <summary>Weight of a generic area word such as "policy" or "strategy".</summary>
    private const double GenericWordWeight = 0.3;

    /// <summary>Weight of a very common word (see <see cref="JudgingLexicon.CommonStems"/>) in a reference answer.</summary>
    private const double CommonWordWeight = 0.4;

    private static readonly string[] AlternativeSeparators = ["/", "|", " or ", "(", ")"];

    private QuestionModel(QuestionContext source, HashSet<string> questionWords, HashSet<string> questionTerms,
        WeightedTerm[] referenceTerms, HashSet<string> relevantTerms, KnowledgeAreaTerms[] areas, HashSet<long> referenceShingles)
    {
        Source = source;
        QuestionWords = questionWords;
        QuestionTerms = questionTerms;
        ReferenceTerms = referenceTerms;
        RelevantTerms = relevantTerms;
        Areas = areas;
        ReferenceShingles = referenceShingles;
    }

    public QuestionContext Source { get; }

    /// <summary>Every word of the question text, lowercase, function words included.</summary>
    public IReadOnlySet<string> QuestionWords { get; }

    /// <summary>Content terms of the question text.</summary>
    public IReadOnlySet<string> QuestionTerms { get; }

    /// <summary>Content terms of the reference answer that are not question terms (all of them if every one is).</summary>
    public IReadOnlyList<WeightedTerm> ReferenceTerms { get; }

    /// <summary>Every content term of the reference answer and the knowledge areas.</summary>
    public IReadOnlySet<string> RelevantTerms { get; }

    public IReadOnlyList<KnowledgeAreaTerms> Areas { get; }

    /// <summary>Word n-grams of the reference answer (see <see cref="Shingles"/>), to recognise copied sentences.</summary>
    public IReadOnlySet<long> ReferenceShingles { get; }

    public bool HasReference => ReferenceTerms.Count > 0;

    public bool HasAreas => Areas.Count > 0;

    public static QuestionModel Build(QuestionContext question)
    {
        ArgumentNullException.ThrowIfNull(question);

        // The caller's lists may change after this returns (a profile edited in place); a shared model must not see that.
        question = Snapshot(question);
        var questionTokens = AnswerTokens.Parse(Bound(question.Text)).Tokens;
        var questionWords = questionTokens.Select(t => t.Word).ToHashSet(StringComparer.Ordinal);
        var questionTerms = questionTokens.Where(t => !t.IsFunctionWord).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);

        var referenceTokens = AnswerTokens.Parse(Bound(question.ReferenceAnswer)).Tokens;
        var reference = Distinct(referenceTokens.Where(t => !t.IsFunctionWord));
        var demoted = reference.Where(t => !questionTerms.Contains(t.Term)).ToArray();
        var referenceTerms = (demoted.Length > 0 ? demoted : reference)
            .Select(t => new WeightedTerm(t.Term, t.Stem, JudgingLexicon.CommonStems.Contains(t.Stem) ? CommonWordWeight : 1.0))
            .ToArray();

        var relevant = reference.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        var areas = new List<KnowledgeAreaTerms>();
        foreach (var area in question.KnowledgeAreas ?? [])
        {
            if (string.IsNullOrWhiteSpace(area))
            {
                continue;
            }

            var alternatives = new List<IReadOnlyList<WeightedTerm>>();
            foreach (var part in Bound(area).Split(AlternativeSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var terms = Distinct(ContentTerms(part))
                    .Select(t => new WeightedTerm(t.Term, t.Stem, AreaWeight(t, questionTerms)))
                    .ToArray();
                if (terms.Length > 0)
                {
                    alternatives.Add(terms);
                    relevant.UnionWith(terms.Select(t => t.Term));
                }
            }

            var signals = Signals(question, area);
            if (alternatives.Count > 0 || signals.Length > 0)
            {
                areas.Add(new KnowledgeAreaTerms(area.Trim(), alternatives, signals));
            }
        }

        return new QuestionModel(question, questionWords, questionTerms, referenceTerms, relevant, [.. areas], Shingles.Of(referenceTokens));
    }

    /// <summary>A copy of <paramref name="question"/> whose lists belong to it alone.</summary>
    private static QuestionContext Snapshot(QuestionContext question) =>
        new(question.QuestionId ?? string.Empty, question.Text ?? string.Empty, [.. question.KnowledgeAreas ?? []], question.ReferenceAnswer,
            [.. question.Signals.Where(s => s is not null).Select(s => new Profiles.KnowledgeAreaSignals(s.Area, [.. s.Signals ?? []]))])
        {
            RedFlags = [.. question.RedFlags ?? []],
        };

    /// <summary>The area's signals that parse (a profile's are validated; a question built in code may carry anything).</summary>
    private static SignalPattern[] Signals(QuestionContext question, string area)
    {
        var entry = question.Signals.FirstOrDefault(s => string.Equals(s.Area?.Trim(), area.Trim(), StringComparison.OrdinalIgnoreCase));
        return entry?.Signals is { } signals
            ? [.. signals.Take(Profiles.ProfileLimits.MaxSignals).Where(s => s is { Length: > 0 and <= Profiles.ProfileLimits.MaxSignalLength }).Select(s => SignalPattern.Parse(s, out _)).OfType<SignalPattern>()]
            : [];
    }

    private static double AreaWeight(Token token, HashSet<string> questionTerms) =>
        JudgingLexicon.GenericAreaWords.Contains(token.Word) ? GenericWordWeight
        : questionTerms.Contains(token.Term) ? QuestionWordWeight
        : 1.0;

    private static IEnumerable<Token> ContentTerms(string text) =>
        AnswerTokens.Parse(text).Tokens.Where(t => !t.IsFunctionWord);

    private static Token[] Distinct(IEnumerable<Token> tokens) =>
        tokens.DistinctBy(t => t.Term, StringComparer.Ordinal).ToArray();

    // Reference answers and areas come from profiles, which are validated, but stay bounded here too.
    private static string Bound(string? text) =>
        text is null ? string.Empty : text.Length <= 8_000 ? text : text[..8_000];
}

/// <summary>
/// A small thread-safe cache of <see cref="QuestionModel"/>s keyed by question id and text. A hit whose
/// reference answer or areas changed (a profile edited while the process runs) is rebuilt.
/// </summary>
internal sealed class QuestionModelCache
{
    private readonly ConcurrentDictionary<(string Id, string Text), QuestionModel> _models = new();
    private readonly int _capacity;

    /// <summary>One cache for the whole process, for callers without a judge of their own (scoring builds a model per question of every interview it scores).</summary>
    public static QuestionModelCache Shared { get; } = new();

    public QuestionModelCache(int capacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public int Count => _models.Count;

    public QuestionModel Get(QuestionContext question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var key = (question.QuestionId ?? string.Empty, question.Text ?? string.Empty);
        if (_models.TryGetValue(key, out var model) && SameContent(model.Source, question))
        {
            return model;
        }

        model = QuestionModel.Build(question);
        if (_models.Count >= _capacity)
        {
            // Profiles hold tens of questions; reaching the cap means churn, so start over rather than track use.
            _models.Clear();
        }

        _models[key] = model;
        return model;
    }

    // Every judged answer and every scored question asks with a fresh QuestionContext, so a hit compares content; by index,
    // without LINQ, since it runs on every turn.
    private static bool SameContent(QuestionContext cached, QuestionContext asked)
    {
        if (ReferenceEquals(cached, asked))
        {
            return true;
        }

        if (!string.Equals(cached.ReferenceAnswer, asked.ReferenceAnswer, StringComparison.Ordinal)
            || !SameStrings(cached.KnowledgeAreas, asked.KnowledgeAreas))
        {
            return false;
        }

        var (mine, theirs) = (cached.Signals, asked.Signals);
        if (mine.Count != theirs.Count)
        {
            return false;
        }

        for (var i = 0; i < mine.Count; i++)
        {
            if (theirs[i] is not { } signals
                || !string.Equals(mine[i].Area, signals.Area, StringComparison.Ordinal)
                || !SameStrings(mine[i].Signals, signals.Signals))
            {
                return false;
            }
        }

        return true;
    }

    private static bool SameStrings(IReadOnlyList<string>? a, IReadOnlyList<string>? b)
    {
        a ??= [];
        b ??= [];
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
