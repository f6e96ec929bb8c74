using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>Evidence from the genuine part of the answers: competencies, knowledge areas per item, clarity and integrity.</summary>
public static partial class ScorecardBuilder
{
    /// <summary>
    /// A competency is evidenced by every answer with a sentence that shows its behaviour (see
    /// <see cref="CompetencyMatcher"/>); the questions the profile links to it are read first, and the first such sentence
    /// is its quote. A competency without signals is evidenced by its linked answers (or any answer) judged at least
    /// <see cref="CompetencyDepth"/> deep, the deepest quoted. The level comes from the depth of those answers
    /// (<see cref="CompetencyLevels.Of"/>).
    /// </summary>
    private static CompetencyLine Competency(Competency competency, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, Dictionary<string, string> texts, GenuineAnswers genuine)
    {
        var signals = competency.Signals.Select(s => SignalPattern.Parse(s, out _)).OfType<SignalPattern>().ToArray();
        var evidence = new List<(string QuestionId, string? Quote)>();
        if (signals.Length == 0)
        {
            var linked = competency.Questions.Count > 0 ? competency.Questions.Where(answers.ContainsKey).Select(id => answers[id]) : answers.Values;
            evidence.AddRange(linked.Where(a => !a.Skipped && a.Judgment.Depth >= CompetencyDepth)
                .OrderByDescending(a => a.Judgment.Depth).ThenBy(a => a.QuestionId, StringComparer.Ordinal)
                .Select(a => (a.QuestionId, Verbatim(a.Judgment.EvidenceQuote, texts, a.QuestionId) ? a.Judgment.EvidenceQuote : null)));
        }
        else
        {
            var order = competency.Questions.Concat(judged.Select(q => q.Id)).Distinct(StringComparer.Ordinal);
            foreach (var id in order.Where(id => answers.TryGetValue(id, out var a) && !a.Skipped))
            {
                var sentence = genuine.Turns(id).Select(turn => CompetencyMatcher.Find(signals, turn) is { } at ? Quote(turn[at.Start..at.End]) : null).FirstOrDefault(q => q is not null);
                if (sentence is not null)
                {
                    evidence.Add((id, sentence));
                }
            }
        }

        var level = CompetencyLevels.Of(evidence.Select(e => (e.QuestionId, answers[e.QuestionId].Judgment.Depth)));
        var position = judged.Select((q, i) => (q.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return new CompetencyLine(competency.Id, competency.Statement, evidence.Count > 0, evidence.Count > 0 ? evidence[0].Quote : null)
        {
            Level = level,
            EvidencedIn = [.. evidence.Select(e => e.QuestionId).OrderBy(id => position.GetValueOrDefault(id, int.MaxValue))],
        };
    }

    /// <summary>The blueprint's areas and its follow-ups' areas, each judged over the whole item (main answer and follow-ups).</summary>
    private static BlueprintCoverage Blueprint(Blueprint blueprint, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine)
    {
        IJudgedQuestion[] parts = [blueprint, .. blueprint.FollowUps];
        var judgments = parts.Select(p => answers.TryGetValue(p.Id, out var a) ? a.Judgment : null).ToArray();
        var areas = ItemAreas(parts, answers, genuine);
        return new BlueprintCoverage(
            blueprint.Id,
            blueprint.Text,
            Math.Round(judgments.Average(j => j?.Depth ?? 0), 1),
            [.. areas.Where(a => a.Status == CoverageStatus.Covered).Select(a => a.Area)],
            [.. areas.Where(a => a.Status == CoverageStatus.Absent).Select(a => a.Area)])
        {
            Touched = [.. areas.Where(a => a.Status == CoverageStatus.Touched).Select(a => a.Area)],
            Areas = areas,
        };
    }

    private static QuestionCoverage Experience(CustomQuestion question, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine) =>
        new(question.Id, question.Text, answers.TryGetValue(question.Id, out var a) ? a.Judgment.Depth : 0, ItemAreas([question], answers, genuine));

    private static AreaEvidence[] ItemAreas(IReadOnlyList<IJudgedQuestion> parts, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine) =>
        ItemCoverage.Areas(
            parts,
            parts.Where(p => answers.TryGetValue(p.Id, out var a) && !a.Skipped).ToDictionary(p => p.Id, p => answers[p.Id].Judgment, StringComparer.Ordinal),
            genuine.Text);

    /// <summary>
    /// The red flags the answers hit, per custom question and blueprint (its follow-ups judged with it): an <c>ifSaid</c> flag
    /// when any answered part hits it, with the first verbatim quote; an <c>ifMissing</c> flag when every answered part
    /// misses it, so what the candidate said in a follow-up counts. A question skipped or not reached hits none (the
    /// coverage gaps say so).
    /// </summary>
    private static RedFlagLine[] RedFlags(Profile profile, Dictionary<string, AnswerRecord> answers, Dictionary<string, string> texts)
    {
        IEnumerable<(string Id, IReadOnlyList<QuestionRedFlag> Flags, IJudgedQuestion[] Parts)> items =
            [.. profile.CustomQuestions.Select(q => (q.Id, q.RedFlags, (IJudgedQuestion[])[q])),
             .. profile.Blueprints.Select(b => (b.Id, b.RedFlags, (IJudgedQuestion[])[b, .. b.FollowUps]))];
        var lines = new List<RedFlagLine>();
        foreach (var (id, flags, parts) in items.Where(i => i.Flags.Count > 0))
        {
            var answered = parts.Where(p => answers.TryGetValue(p.Id, out var a) && !a.Skipped).Select(p => answers[p.Id]).ToArray();
            if (answered.Length == 0)
            {
                continue;
            }

            foreach (var flag in flags)
            {
                var hits = answered.Select(a => (a.QuestionId, Hit: a.Judgment.FlagsHit.FirstOrDefault(h => string.Equals(h.Flag, flag.Flag, StringComparison.Ordinal)))).ToArray();
                if (flag.When == RedFlagTrigger.Missing && hits.All(h => h.Hit is not null))
                {
                    lines.Add(new RedFlagLine(id, flag.Flag, NotMentioned: true, null) { Topic = ScoringContext.Topic(id) });
                }
                else if (flag.When == RedFlagTrigger.Said && hits.FirstOrDefault(h => h.Hit is not null) is { Hit: { } hit } said)
                {
                    lines.Add(new RedFlagLine(said.QuestionId, flag.Flag, NotMentioned: false, Verbatim(hit.Quote, texts, said.QuestionId) ? hit.Quote : null) { Topic = ScoringContext.Topic(id) });
                }
            }
        }

        return [.. lines];
    }

    /// <summary>The integrity flags of every answer, in question order, each once (a judge may repeat a flag per follow-up turn).</summary>
    private static IntegrityFlag[] Integrity(QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers) =>
        [.. judged
            .Where(q => answers.ContainsKey(q.Id))
            .SelectMany(q => answers[q.Id].Judgment.RedFlags.Where(f => RedFlag.IsIntegrityCode(f.Code)).Select(f => new IntegrityFlag(q.Id, f.Code, f.Detail)))
            .Distinct()];

    /// <summary>Share (0–1) of the question's areas an answer covered, touched ones counting half; null when it has none.</summary>
    private static double? CoverageShare(Judgment judgment)
    {
        var total = judgment.AreasCovered.Count + judgment.AreasTouched.Count + judgment.AreasMissing.Count;
        return total == 0 ? null : (judgment.AreasCovered.Count + (0.5 * judgment.AreasTouched.Count)) / total;
    }

    /// <summary>
    /// Communication from one answer (0–5): the clarity of the candidate's own messages (their genuine part; see
    /// <see cref="Clarity"/>), weighed by how much of the question they address, so a clear but empty answer stays low.
    /// </summary>
    private static double Communication(AnswerRecord answer, GenuineAnswers genuine)
    {
        var turns = genuine.Turns(answer.QuestionId);
        if (turns.Count == 0)
        {
            return 0;
        }

        var clarity = turns.Average(Clarity.Measure);
        var addressed = CoverageShare(answer.Judgment) ?? answer.Judgment.Depth / Judgment.MaxDepth;
        return clarity * (0.5 + (0.5 * addressed));
    }

    private static string? Quote(string sentence)
    {
        var trimmed = sentence.Trim();
        return trimmed.Length == 0 ? null : trimmed.Length <= 200 ? trimmed : trimmed[..200];
    }
}
