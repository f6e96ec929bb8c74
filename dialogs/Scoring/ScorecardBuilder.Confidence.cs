using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>How far to trust the score.</summary>
public static partial class ScorecardBuilder
{
    /// <summary>Content words of genuine text at which an answer gives full evidence.</summary>
    public const int EvidenceWords = 40;

    /// <summary>Evidence share of confidence that even a very short interview keeps (the rest grows with what was said).</summary>
    private const double BaseEvidence = 0.3;

    /// <summary>Confidence lost per point (0–5 scale) of spread between the answers feeding one dimension, at most <see cref="MaxDisagreement"/>.</summary>
    private const double DisagreementPerPoint = 0.12;

    private const double MaxDisagreement = 0.3;

    /// <summary>Confidence lost when every answer is flagged for integrity (proportionally less for fewer).</summary>
    private const double IntegrityWeight = 0.6;

    /// <summary>Confidence lost when every answer was judged offline: the rubric judge reads words, not meaning.</summary>
    private const double OfflineJudgeWeight = 0.1;

    /// <summary>
    /// Confidence (0.05–1) reflects the evidence behind the score: the share of questions answered; how much the
    /// candidate said in the genuine part of each answer (full at <see cref="EvidenceWords"/> content words); how well the
    /// answers that feed each dimension agree (a dimension resting on one 5 and one 0 is less certain than on two 3s); the
    /// share of answers flagged for integrity; and whether a model read the answers. Empty or identical answers leave
    /// little genuine text and many flags, so their confidence is low; a full, varied interview scores high.
    /// </summary>
    private static double Confidence(Profile profile, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine, int coverage)
    {
        if (judged.Length == 0)
        {
            return 0.05;
        }

        var answered = judged.Where(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped).Select(q => answers[q.Id]).ToArray();
        var said = judged.Average(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped ? Math.Min(1.0, (double)ContentWords(genuine.Text(q.Id)) / EvidenceWords) : 0);
        var spreads = profile.Rubric
            .Select(d => Feeding(d, judged).Where(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped).Select(q => Measure(d.Measure, answers[q.Id], genuine)).ToArray())
            .Where(values => values.Length >= 2)
            .Select(StandardDeviation)
            .ToArray();
        var agreement = 1 - Math.Min(MaxDisagreement, DisagreementPerPoint * (spreads.Length == 0 ? 0 : spreads.Average()));
        var flagged = answered.Length == 0 ? 0 : (double)answered.Count(a => a.Judgment.RedFlags.Any(f => RedFlag.IsIntegrityCode(f.Code))) / answered.Length;
        var offline = answered.Length == 0 ? 1 : (double)answered.Count(a => a.Judgment.JudgedBy != JudgeKind.Llm) / answered.Length;
        var confidence = coverage / 100.0
            * (BaseEvidence + ((1 - BaseEvidence) * said))
            * agreement
            * (1 - (IntegrityWeight * flagged))
            * (1 - (OfflineJudgeWeight * offline));
        return Math.Round(Math.Clamp(confidence, 0.05, 1), 2);
    }

    private static int ContentWords(string text) => AnswerTokens.Parse(text).Tokens.Count(t => !t.IsFunctionWord);

    private static double StandardDeviation(double[] values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Average(v => (v - mean) * (v - mean)));
    }
}
