namespace ScreeningBot.Dialogs.Judging;

/// <summary>Scoring of one (already bounded and screened) answer text.</summary>
internal sealed partial class RubricJudge
{
    // Match strengths: same stem, same synonym group, or a shared prefix of at least SoftPrefix letters.
    private const double SynonymMatch = 0.9;
    private const double PrefixMatch = 0.8;
    private const int SoftPrefix = 5;

    /// <summary>Coverage credit of a touched area (partial evidence), before its own words' share.</summary>
    private const double TouchedAreaCredit = 0.3;

    /// <summary>Content words at which an answer counts as fully elaborated (log scale up to here).</summary>
    private const int ElaborationWords = 30;

    /// <summary>
    /// Weights of coverage, elaboration and specificity in depth, by what the question provides, for short-answer
    /// correctness grading (measured against human graders; see README, "Judge quality").
    /// </summary>
    private static readonly DepthWeights WithReference = new(Coverage: 0.77, Elaboration: 0.15, Specificity: 0.08);
    private static readonly DepthWeights AreasOnly = new(Coverage: 0.60, Elaboration: 0.15, Specificity: 0.25);
    private static readonly DepthWeights NothingToCompare = new(Coverage: 0.0, Elaboration: 0.40, Specificity: 0.60);

    /// <summary>
    /// The same for interview questions, where depth means first-hand, specific and reasoned, not only on-topic:
    /// an answer that names the right concepts without numbers, tools, trade-offs or an example of the candidate's
    /// own stays shallow. Calibrated on the strong/vague answer pairs of every bank blueprint
    /// (tests/…/Judging/bank-answers.yaml), not on the measured short-answer set.
    /// </summary>
    private static readonly DepthWeights InterviewWithReference = new(Coverage: 0.55, Elaboration: 0.10, Specificity: 0.35);
    private static readonly DepthWeights InterviewAreasOnly = new(Coverage: 0.45, Elaboration: 0.10, Specificity: 0.45);

    /// <summary>
    /// Coverage enters depth as coverage^0.4: covering part of what is expected already earns a good share, as human
    /// graders give it (measured on the dev split; see README, "Judge quality").
    /// </summary>
    private const double CoverageExponent = 0.4;

    /// <summary>With both a reference answer and areas, the reference weighs this much of coverage.</summary>
    private const double ReferenceShare = 0.6;

    private readonly record struct DepthWeights(double Coverage, double Elaboration, double Specificity);

    private static Judgment Assess(string text, AnswerTokens parsed, QuestionModel model, IReadOnlyList<string> bannedTopics, QuestionKind kind)
    {
        var tokens = parsed.Tokens;
        if (IsNonAnswer(tokens))
        {
            return Judgment.Create(
                depth: 0,
                specificity: 0,
                areasMissing: model.Areas.Select(a => a.Name),
                redFlags: [new RedFlag(RedFlag.NoAnswer, "The candidate gave no answer (empty, \"I don't know\" or \"skip\").")]);
        }

        var answer = AnswerIndex.Build(tokens);
        var specificity = Specificity.Measure(text, tokens);
        var referenceCoverage = model.HasReference ? Coverage(model.ReferenceTerms, answer) : 0;
        var positions = model.Areas.Count == 0 ? null : new TokenPositions(tokens);
        var findings = model.Areas.Select(a => AreaMatcher.Find(a, answer, positions!, model.QuestionTerms)).ToArray();
        var covered = findings.Select(f => f.Status == AreaStatus.Covered).ToArray();
        var areaScore = findings.Length == 0 ? 0 : findings.Average(AreaScore);

        var shortAnswer = kind == QuestionKind.ShortAnswer;
        var (weights, coverage) = (model.HasReference, model.HasAreas) switch
        {
            (true, true) => (shortAnswer ? WithReference : InterviewWithReference, (ReferenceShare * referenceCoverage) + ((1 - ReferenceShare) * areaScore)),
            (true, false) => (shortAnswer ? WithReference : InterviewWithReference, referenceCoverage),
            (false, true) => (shortAnswer ? AreasOnly : InterviewAreasOnly, areaScore),
            _ => (NothingToCompare, 0.0),
        };

        var elaboration = Math.Min(1.0, Math.Log(1 + answer.ContentCount) / Math.Log(1 + ElaborationWords));
        var depth = Judgment.MaxDepth * ((weights.Coverage * Math.Pow(coverage, CoverageExponent)) + (weights.Elaboration * elaboration)
            + (weights.Specificity * specificity.Score / Judgment.MaxDepth));

        var flags = new List<RedFlag>();
        var stuffing = KeywordStuffing(text, tokens, answer);
        var copied = CopiesQuestion(tokens, answer, model);
        if (stuffing is not null)
        {
            flags.Add(new RedFlag(RedFlag.KeywordStuffing, stuffing));
            depth = Math.Min(depth, KeywordStuffingCap);
        }

        if (copied)
        {
            flags.Add(new RedFlag(RedFlag.CopiedQuestion, "The answer mostly repeats the question's words and adds almost nothing new."));
            depth = Math.Min(depth, CopiedQuestionCap);
        }

        if (stuffing is null && !copied && IsOffTopic(answer, model, referenceCoverage, covered))
        {
            flags.Add(new RedFlag(RedFlag.OffTopic, "The answer shares no terms with the question, the reference answer or the knowledge areas."));
        }

        // A list of terms or a copied question does not show knowledge of an area, whatever words it contains.
        var genuine = stuffing is null && !copied;
        var areasCovered = model.Areas.Where((_, k) => genuine && covered[k]).Select(a => a.Name).ToArray();
        var areasTouched = model.Areas.Where((_, k) => genuine && findings[k].Status == AreaStatus.Touched).Select(a => a.Name).ToArray();
        var areasMissing = model.Areas.Where((_, k) => !genuine || findings[k].Status == AreaStatus.Absent).Select(a => a.Name).ToArray();
        var needsFollowUp = depth < FollowUpDepth
            || (model.HasAreas && areasCovered.Length * 2 < model.Areas.Count)
            || specificity.Score < 1.0;

        return Judgment.Create(
            depth,
            specificity.Score,
            areasCovered,
            areasMissing,
            flags,
            EvidenceQuote(text, parsed, model),
            needsFollowUp,
            FollowUpFocus([.. areasMissing, .. areasTouched], specificity, model, bannedTopics),
            areasTouched: areasTouched);
    }

    /// <summary>An area's part of coverage: 1 when covered, some credit when touched, a little for stray words.</summary>
    private static double AreaScore(AreaFinding finding) => finding.Status switch
    {
        AreaStatus.Covered => 1.0,
        AreaStatus.Touched => Math.Max(TouchedAreaCredit, finding.Ratio * 0.5),
        _ => finding.Ratio * 0.5,
    };

    /// <summary>Weighted share of <paramref name="terms"/> found in the answer (0–1).</summary>
    private static double Coverage(IReadOnlyList<WeightedTerm> terms, AnswerIndex answer)
    {
        double total = 0, found = 0;
        foreach (var term in terms)
        {
            total += term.Weight;
            found += term.Weight * answer.Match(term, SynonymMatch, PrefixMatch, SoftPrefix);
        }

        return total == 0 ? 0 : found / total;
    }

    private static bool IsNonAnswer(IReadOnlyList<Token> tokens)
    {
        if (tokens.Count == 0)
        {
            return true;
        }

        if (tokens.Count > 12)
        {
            return false;
        }

        var key = false;
        foreach (var token in tokens)
        {
            if (!JudgingLexicon.NonAnswerWords.Contains(token.Word))
            {
                return false;
            }

            key |= JudgingLexicon.NonAnswerKeys.Contains(token.Word);
        }

        return key;
    }

    /// <summary>Why the answer looks like a list of terms or repeats terms, or null when it reads as prose.</summary>
    private static string? KeywordStuffing(string text, IReadOnlyList<Token> tokens, AnswerIndex answer)
    {
        const int minWords = 8;
        var words = tokens.Count;
        if (words < minWords)
        {
            return null;
        }

        var (maxCount, _) = answer.MostFrequent;
        if (answer.ContentCount >= 10 && maxCount >= 5 && maxCount >= 0.5 * answer.ContentCount)
        {
            return $"The answer repeats one term {maxCount} times in {answer.ContentCount} content words.";
        }

        if (answer.ContentCount >= 30 && answer.DistinctCount < 0.3 * answer.ContentCount)
        {
            return $"The answer repeats a few terms ({answer.DistinctCount} distinct in {answer.ContentCount} content words).";
        }

        // Code has few function words too; it is not a keyword list.
        var (segments, codeShare) = Shape(text);
        if (codeShare >= 0.04)
        {
            return null;
        }

        var functionWords = words - answer.ContentCount;
        if (functionWords < 0.10 * words)
        {
            return $"The answer is a list of terms rather than sentences ({functionWords} function words in {words}).";
        }

        if (functionWords < 0.2 * words && segments >= 5 && words <= 3 * segments)
        {
            return $"The answer is a list of {segments} short items with few function words.";
        }

        return null;
    }

    /// <summary>How many list-like segments the text has, and the share of its visible characters that are code punctuation.</summary>
    private static (int Segments, double CodeShare) Shape(string text)
    {
        var segments = 0;
        var segmentHasWord = false;
        var code = 0;
        var visible = 0;
        foreach (var c in text)
        {
            if (c is ',' or ';' or '\n' or '|' or '\u2022')
            {
                segments += segmentHasWord ? 1 : 0;
                segmentHasWord = false;
            }

            segmentHasWord |= char.IsLetterOrDigit(c);
            code += c is '{' or '}' or '(' or ')' or ';' or '=' or '<' or '>' or '[' or ']' ? 1 : 0;
            visible += char.IsWhiteSpace(c) ? 0 : 1;
        }

        return (segments + (segmentHasWord ? 1 : 0), visible == 0 ? 0 : (double)code / visible);
    }

    /// <summary>
    /// The answer says back the question: nearly every word it has is the question's (filler such as "good
    /// question" aside), and nothing new it adds is a term the reference answer or the areas expect.
    /// </summary>
    private static bool CopiesQuestion(IReadOnlyList<Token> tokens, AnswerIndex answer, QuestionModel model)
    {
        if (answer.DistinctCount < 3 || model.QuestionTerms.Count == 0)
        {
            return false;
        }

        var novel = 0;
        var counted = 0;
        foreach (var token in tokens)
        {
            if (JudgingLexicon.Filler.Contains(token.Word))
            {
                continue;
            }

            counted++;
            if (model.QuestionWords.Contains(token.Word) || model.QuestionTerms.Contains(token.Term))
            {
                continue;
            }

            if (!token.IsFunctionWord && model.RelevantTerms.Contains(token.Term))
            {
                return false;
            }

            novel++;
        }

        return counted >= 4 && novel <= 0.2 * counted;
    }

    private static bool IsOffTopic(AnswerIndex answer, QuestionModel model, double referenceCoverage, bool[] covered)
    {
        if ((!model.HasReference && !model.HasAreas) || answer.DistinctCount < 12 || referenceCoverage > 0 || covered.Any(c => c))
        {
            return false;
        }

        return !answer.Terms.Any(model.QuestionTerms.Contains) && !answer.Terms.Any(model.RelevantTerms.Contains);
    }

    private static string? FollowUpFocus(IReadOnlyList<string> areasMissing, Specificity specificity, QuestionModel model, IReadOnlyList<string> bannedTopics)
    {
        foreach (var area in areasMissing)
        {
            if (!IsBanned(area, bannedTopics))
            {
                return area;
            }
        }

        (bool Missing, string Signal)[] signals = model.HasReference
            ?
            [
                (!specificity.HasNumbers, JudgeSignals.Metrics), (!specificity.HasTradeOffs, JudgeSignals.TradeOffs),
                (!specificity.HasExample, JudgeSignals.Example), (!specificity.HasFirstPerson, JudgeSignals.Ownership),
            ]
            :
            [
                (!specificity.HasFirstPerson, JudgeSignals.Ownership), (!specificity.HasNumbers, JudgeSignals.Metrics),
                (!specificity.HasTradeOffs, JudgeSignals.TradeOffs), (!specificity.HasExample, JudgeSignals.Example),
            ];
        foreach (var (missing, signal) in signals)
        {
            if (missing)
            {
                return signal;
            }
        }

        return null;
    }

    private static bool IsBanned(string area, IReadOnlyList<string> bannedTopics)
    {
        foreach (var topic in bannedTopics)
        {
            if (!string.IsNullOrWhiteSpace(topic)
                && (area.Contains(topic.Trim(), StringComparison.OrdinalIgnoreCase) || topic.Contains(area, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
