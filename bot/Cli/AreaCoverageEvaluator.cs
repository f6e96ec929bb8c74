using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// Runs the production path over the area-coverage set: each answer judged by <see cref="RubricJudge"/> (which leaves out
/// what games it), then <see cref="ItemCoverage"/> over the item's genuine answers, exactly as a scorecard does; and
/// compares each area's status with its hand label.
/// </summary>
internal static class AreaCoverageEvaluator
{
    public static IReadOnlyList<AreaVerdict> Evaluate(IReadOnlyList<AreaCoverageItem> items, ProfileCatalog catalog, string setPath)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(catalog);
        var judge = new RubricJudge();
        var verdicts = new List<AreaVerdict>();
        foreach (var item in items)
        {
            var parts = Parts(item, catalog, setPath);
            var judgments = new Dictionary<string, Judgment>(StringComparer.Ordinal);
            var genuine = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (questionId, answer) in item.Answers)
            {
                var part = parts.FirstOrDefault(p => p.Id == questionId)
                    ?? throw new AreaCoverageSetException($"{setPath}:{item.Line}: item \"{item.Id}\" answers \"{questionId}\", which is not part of {parts[0].Id}");
                var kind = part == parts[0] ? (part is Blueprint ? QuestionKind.Blueprint : QuestionKind.Custom) : QuestionKind.BlueprintFollowUp;
                var (judgment, screen) = judge.JudgeScreened(new JudgeRequest("area-eval", QuestionContext.From(part), answer, kind, string.Empty, []));
                judgments[questionId] = judgment;
                genuine[questionId] = screen.Genuine;
            }

            var areas = ItemCoverage.Areas(parts, judgments, id => genuine.GetValueOrDefault(id, string.Empty));
            foreach (var (area, label, line) in item.Labels)
            {
                var found = areas.FirstOrDefault(a => string.Equals(a.Area, area, StringComparison.OrdinalIgnoreCase))
                    ?? throw new AreaCoverageSetException($"{setPath}:{line}: item \"{item.Id}\" labels \"{area}\", which is not a knowledge area of {parts[0].Id} or its follow-ups (they are: {string.Join(", ", areas.Select(a => a.Area))})");
                verdicts.Add(new AreaVerdict(item.Id, item.Split, area, label, found.Status, found.Evidence, line));
            }
        }

        return verdicts;
    }

    public static AreaEvalScore Score(string split, IEnumerable<AreaVerdict> verdicts)
    {
        var inSplit = verdicts.Where(v => v.Split == split).ToArray();
        return new AreaEvalScore(
            split,
            inSplit.Length,
            inSplit.Count(v => v.IsAbsent),
            inSplit.Count(v => v.ClaimsAbsent),
            inSplit.Count(v => v.ClaimsAbsent && v.IsAbsent));
    }

    /// <summary>The question an item answers (a bank blueprint or a profile's question) and its follow-ups, main question first.</summary>
    private static IReadOnlyList<IJudgedQuestion> Parts(AreaCoverageItem item, ProfileCatalog catalog, string setPath)
    {
        var first = item.Answers[0].Key;
        var dot = first.LastIndexOf(".f", StringComparison.Ordinal);
        var root = dot > 0 && int.TryParse(first[(dot + 2)..], out _) ? first[..dot] : first;
        if (catalog.Bank.TryGet(root, out var blueprint))
        {
            return [blueprint, .. blueprint.FollowUps];
        }

        foreach (var profile in catalog.Profiles)
        {
            if (profile.Blueprints.FirstOrDefault(b => b.Id == root) is { } inline)
            {
                return [inline, .. inline.FollowUps];
            }

            if (profile.CustomQuestions.FirstOrDefault(q => q.Id == root) is { } custom)
            {
                return [custom];
            }
        }

        throw new AreaCoverageSetException($"{setPath}:{item.Line}: item \"{item.Id}\" answers \"{first}\", which is neither a bank blueprint nor a question of a profile in {catalog.Directory}");
    }
}
