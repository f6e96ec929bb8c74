namespace ScreeningBot.Dialogs.Judging;

/// <summary>How far an answer shows a knowledge area.</summary>
internal enum AreaStatus
{
    /// <summary>Nothing in the text supports it.</summary>
    Absent,

    /// <summary>Partial evidence: some of the area's words, or part of one of its signals.</summary>
    Touched,

    /// <summary>One of its signals, or most of its name's words.</summary>
    Covered,
}

/// <summary>The status of one area in one text, with the token where the evidence starts (-1 when none).</summary>
internal readonly record struct AreaFinding(AreaStatus Status, double Ratio, int EvidenceToken);

/// <summary>
/// Decides whether a text covers, touches or leaves out a knowledge area. An area with signals (the profile's phrasings
/// for it, matched with stems, synonyms and any word order within one sentence) is covered by any of them and touched by
/// at least two of its words (not the question's own) and half of it, or by a touch-only signal (<c>~oauth*</c>: a bare
/// mention of the topic); one word alone is never more, since answers share many words by chance. An area without
/// signals falls back to the words of its name: most of them cover it, a good share touches it. It is absent only when
/// none of that is there. Words the question itself uses (<c>common</c>) count for coverage but are never partial
/// evidence alone, since an answer repeats them whatever it knows.
/// </summary>
internal static class AreaMatcher
{
    /// <summary>Share of the name's (weighted) words at which an area without signals counts as covered.</summary>
    public const double CoveredShare = 0.6;

    /// <summary>Share of the name's words at which an area without signals counts as touched.</summary>
    public const double TouchedShare = 0.3;

    public static AreaFinding Find(KnowledgeAreaTerms area, AnswerIndex answer, TokenPositions positions, IReadOnlySet<string> common)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(common);
        return area.Signals.Count > 0 ? BySignals(area, positions, common) : ByName(area, answer, positions, common);
    }

    private static AreaFinding BySignals(KnowledgeAreaTerms area, TokenPositions positions, IReadOnlySet<string> common)
    {
        var partialToken = -1;
        foreach (var signal in area.Signals)
        {
            var match = signal.Match(positions, sameSentence: true, common: common);
            if (match.IsFull && !signal.TouchOnly)
            {
                return new AreaFinding(AreaStatus.Covered, 1.0, match.Start);
            }

            if (match.IsFull && partialToken < 0)
            {
                partialToken = match.Start;
                continue;
            }

            if (partialToken < 0 && match.DistinctiveMatched >= 2 && match.Matched * 2 >= match.Slots)
            {
                partialToken = match.Start;
            }
        }

        return partialToken >= 0 ? new AreaFinding(AreaStatus.Touched, 0.5, partialToken) : new AreaFinding(AreaStatus.Absent, 0, -1);
    }

    private static AreaFinding ByName(KnowledgeAreaTerms area, AnswerIndex answer, TokenPositions positions, IReadOnlySet<string> common)
    {
        var ratio = 0.0;
        IReadOnlyList<WeightedTerm>? bestAlternative = null;
        foreach (var alternative in area.Alternatives)
        {
            var coverage = answer.Coverage(alternative);
            if (coverage > ratio)
            {
                (ratio, bestAlternative) = (coverage, alternative);
            }
        }

        if (ratio >= CoveredShare)
        {
            return new AreaFinding(AreaStatus.Covered, ratio, FirstTerm(bestAlternative, positions, common));
        }

        if (ratio >= TouchedShare && FirstTerm(bestAlternative, positions, common) is var token and >= 0)
        {
            return new AreaFinding(AreaStatus.Touched, ratio, token);
        }

        return new AreaFinding(AreaStatus.Absent, ratio, -1);
    }

    /// <summary>The first token of the text matching a word of the alternative that is not a common word; -1 when none.</summary>
    private static int FirstTerm(IReadOnlyList<WeightedTerm>? alternative, TokenPositions positions, IReadOnlySet<string> common)
    {
        var first = -1;
        foreach (var term in alternative ?? [])
        {
            if (common.Contains(term.Term))
            {
                continue;
            }

            foreach (var position in positions.Find(term.Term, term.Stem, term.Term, isFunctionWord: false, prefix: false))
            {
                first = first < 0 ? position : Math.Min(first, position);
                break;
            }
        }

        return first;
    }
}
