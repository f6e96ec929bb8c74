using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The knowledge areas of one item (a question with its follow-ups), judged over all of its answers together: each area
/// once, in profile order, at the best status any source gives it. Sources are the judgments of the item's answers and
/// <see cref="AreaMatcher"/> run over the genuine text of all of them, so an area the main question asks about counts
/// when a follow-up answer covers it and the other way round. Used by <see cref="ScorecardBuilder"/> and measured by
/// the <c>area-eval</c> verb on hand-labelled answers.
/// </summary>
internal static class ItemCoverage
{
    /// <param name="parts">The item's questions, the main one first.</param>
    /// <param name="judgments">The judgment of each answered part (skipped or unanswered parts absent).</param>
    /// <param name="genuine">The genuine part of the answer to a part (what was judged), by question id.</param>
    public static AreaEvidence[] Areas(IReadOnlyList<IJudgedQuestion> parts, IReadOnlyDictionary<string, Judgment> judgments, Func<string, string> genuine)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(judgments);
        ArgumentNullException.ThrowIfNull(genuine);
        var texts = parts.Where(p => judgments.ContainsKey(p.Id)).Select(p => (p.Id, Text: genuine(p.Id))).Where(t => t.Text.Length > 0).ToArray();
        var joined = string.Join("\n\n", texts.Select(t => t.Text));
        var whole = AnswerTokens.Parse(joined);
        var index = AnswerIndex.Build(whole.Tokens);
        var positions = new TokenPositions(whole.Tokens);
        var judged = judgments.Values.ToArray();
        var result = new List<AreaEvidence>();
        foreach (var part in parts)
        {
            var model = QuestionModelCache.Shared.Get(QuestionContext.From(part));
            foreach (var area in model.Areas)
            {
                if (result.Any(r => string.Equals(r.Area, area.Name, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                var status = judged.Any(j => j.AreasCovered.Contains(area.Name, StringComparer.OrdinalIgnoreCase)) ? CoverageStatus.Covered
                    : judged.Any(j => j.AreasTouched.Contains(area.Name, StringComparer.OrdinalIgnoreCase)) ? CoverageStatus.Touched
                    : CoverageStatus.Absent;
                var found = AreaMatcher.Find(area, index, positions, model.QuestionTerms);
                var matched = found.Status switch { AreaStatus.Covered => CoverageStatus.Covered, AreaStatus.Touched => CoverageStatus.Touched, _ => CoverageStatus.Absent };
                status = (CoverageStatus)Math.Max((int)status, (int)matched);
                var (evidence, questionId) = status != CoverageStatus.Absent && found.EvidenceToken >= 0 ? Sentence(texts, joined, whole, found.EvidenceToken) : (null, null);
                result.Add(new AreaEvidence(area.Name, status, evidence, questionId));
            }
        }

        return [.. result];
    }

    /// <summary>The sentence holding token <paramref name="token"/> of the joined text, and the answer it is in.</summary>
    private static (string? Sentence, string? QuestionId) Sentence((string Id, string Text)[] texts, string joined, AnswerTokens whole, int token)
    {
        var range = whole.Sentences[whole.Tokens[token].Sentence];
        var sentence = joined[range.Start..range.End].Trim();
        if (sentence.Length == 0)
        {
            return (null, null);
        }

        sentence = sentence.Length <= 200 ? sentence : sentence[..200];
        var owner = texts.FirstOrDefault(t => t.Text.Contains(sentence, StringComparison.Ordinal));
        return owner.Id is null ? (null, null) : (sentence, owner.Id);
    }
}
