using Humanizer;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// Turns an interview's judgments into its <see cref="Scorecard"/>. Deterministic and pure: the same
/// profile, interview and transcript always give the same scorecard.
/// </summary>
/// <remarks>
/// Scores count every planned question: a question the candidate never reached or skipped counts as 0 in
/// its dimension, so an interview that ended early cannot score high on a few good answers. Quotes are
/// taken only from the candidate's own transcript lines and kept only if they occur there verbatim.
/// </remarks>
public static partial class ScorecardBuilder
{
    /// <summary>Preferred skills add at most this many points to the composite.</summary>
    public const int MaxPreferredBonus = 5;

    /// <summary>Depth at which an answer counts as evidence for a competency.</summary>
    public const double CompetencyDepth = 3.0;

    /// <summary>The risk line of an interview in which an answer tried to instruct the scoring system.</summary>
    public const string InjectionRisk =
        "An answer contained text that tried to instruct the scoring system; it was ignored and the answer scored on its content";

    /// <summary>How the risk line of a failed knockout starts.</summary>
    public const string KnockoutRiskPrefix = "Did not meet a knockout requirement";

    /// <summary>A required skill counts as shown in the coverage breakdown from this score (0–10).</summary>
    public const double SkillShownScore = 5.0;

    public static Scorecard Build(Profile profile, Interview interview, IReadOnlyList<TranscriptTurn> transcript)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(interview);
        ArgumentNullException.ThrowIfNull(transcript);
        var state = interview.Record;
        var questions = QuestionIndex.For(profile);
        var texts = CandidateTexts(transcript);
        var answers = state.Answers
            .Where(a => questions.ContainsKey(a.QuestionId))
            .GroupBy(a => a.QuestionId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        var judged = questions.Values.Where(q => q.Kind != QuestionKind.Language).ToArray();
        var genuine = GenuineAnswers.Build(questions, transcript, answers);
        var context = new ScoringContext(profile, interview, answers, texts, genuine, judged);
        return ScorecardWording.Write(context, Figures(context));
    }

    /// <summary>The scorecard's figures (scores, recommendation, coverage, evidence lines) with its narrative left empty.</summary>
    private static Scorecard Figures(ScoringContext context)
    {
        var (profile, interview, answers, texts, genuine, judged) = context;
        var state = interview.Record;
        var knockouts = state.Knockouts.Select(k => Knockout(profile, k)).ToArray();
        var dimensions = profile.Rubric.Select(d => Dimension(d, judged, answers, genuine)).ToArray();
        var required = profile.RequiredSkills.Select(s => RequiredSkill(s, judged, answers, genuine)).ToArray();
        var preferred = profile.PreferredSkills.Select(s => PreferredSkill(s, answers, genuine)).Where(s => s.Score > 0).ToArray();
        var bonus = (int)Math.Round(Math.Min(MaxPreferredBonus, preferred.Sum(s => s.Score / 10.0 * 2.5)), MidpointRounding.AwayFromZero);
        var competencies = profile.Competencies.Select(c => Competency(c, judged, answers, texts, genuine)).ToArray();
        var blueprints = profile.Blueprints.Select(b => Blueprint(b, answers, genuine)).ToArray();
        var experience = profile.CustomQuestions.Select(q => Experience(q, answers, genuine)).ToArray();
        var integrity = Integrity(judged, answers);
        var language = LanguageSection.Build(profile, answers, texts);

        var weighted = dimensions.Sum(d => d.Weight * d.Score / 10.0);
        var composite = state.Status == InterviewStatus.KnockedOut ? 0 : (int)Math.Round(Math.Min(100, weighted + bonus), MidpointRounding.AwayFromZero);
        var answeredCount = judged.Count(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped);
        var coverage = judged.Length == 0 ? 0 : (int)Math.Round(100.0 * answeredCount / judged.Length, MidpointRounding.AwayFromZero);
        var recommendation = Recommend(profile, state.Status, composite, competencies, profile.Competencies);
        var judgments = answers.Values.Where(a => !a.Skipped).Select(a => a.Judgment).ToArray();
        var confidence = Confidence(profile, judged, answers, genuine, coverage);
        var completedAt = state.EndedAt ?? state.LastActivityAt;
        var active = completedAt - state.StartedAt - state.PausedTotal;

        return new Scorecard
        {
            InterviewId = interview.Id,
            ProfileId = profile.Id,
            ProfileTitle = profile.Title,
            CandidateName = string.IsNullOrWhiteSpace(interview.Candidate.Name) ? interview.Candidate.Id : interview.Candidate.Name,
            Outcome = state.Status,
            CompositeScore = composite,
            Recommendation = recommendation,
            Confidence = confidence,
            CoveragePercent = coverage,
            Breakdown = Breakdown(context, coverage, blueprints, competencies, required, preferred, language),
            Knockouts = knockouts,
            Competencies = competencies,
            RequiredSkills = required,
            PreferredSkills = preferred,
            PreferredSkillBonus = state.Status == InterviewStatus.KnockedOut ? 0 : bonus,
            Dimensions = dimensions,
            Blueprints = blueprints,
            Experience = experience,
            Integrity = integrity,
            Language = language,
            RedFlags = state.Status == InterviewStatus.KnockedOut ? [] : RedFlags(profile, answers, texts),
            SuggestedNextStep = string.Empty,
            Summary = string.Empty,
            JudgeDescription = DescribeJudges(judgments),
            LlmInputTokens = judgments.Sum(j => j.InputTokens),
            LlmOutputTokens = judgments.Sum(j => j.OutputTokens),
            StartedAt = state.StartedAt,
            CompletedAt = completedAt,
            ActiveDuration = active < TimeSpan.Zero ? TimeSpan.Zero : active,
        };
    }

    /// <summary>A knockout with the profile's whole question and the answer as the candidate chose it (a choice's title, not its id).</summary>
    private static KnockoutLine Knockout(Profile profile, KnockoutResult result)
    {
        var knockout = profile.Knockouts.FirstOrDefault(p => p.Id == result.KnockoutId);
        var answer = knockout?.Choices.FirstOrDefault(c => string.Equals(c.Value, result.AnswerText, StringComparison.OrdinalIgnoreCase))?.Title
            ?? (knockout?.Type == KnockoutAnswerType.YesNo ? result.AnswerText.Humanize(LetterCasing.Sentence) : result.AnswerText);
        return new KnockoutLine(result.KnockoutId, knockout?.Question ?? result.KnockoutId, answer, result.Passed);
    }

    private static CoverageBreakdown Breakdown(
        ScoringContext context, int coverage, BlueprintCoverage[] blueprints, CompetencyLine[] competencies, SkillLine[] required, SkillLine[] preferred, LanguageResult? language)
    {
        var (profile, _, answers, _, genuine, judged) = context;
        var gaps = new List<CoverageGap>();
        foreach (var q in judged)
        {
            CoverageGapReason? reason = !answers.TryGetValue(q.Id, out var a)
                    ? context.State.NotReachedForTime.Contains(q.Id, StringComparer.Ordinal) ? CoverageGapReason.NotReachedForTime : CoverageGapReason.NotReached
                : a.Skipped ? CoverageGapReason.Skipped
                : genuine.Text(q.Id).Trim().Length == 0 ? CoverageGapReason.NotAnswered
                : null;
            if (reason is { } r)
            {
                gaps.Add(new CoverageGap(q.Id, ScoringContext.Topic(q.Id), r));
            }
        }

        return new CoverageBreakdown(
            coverage,
            profile.CustomQuestions.Count(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped),
            profile.CustomQuestions.Count,
            blueprints.Length == 0 ? null : (int)Math.Round(blueprints.Average(b => b.Depth) / Judgment.MaxDepth * 100, MidpointRounding.AwayFromZero),
            competencies.Count(c => c.Passed),
            competencies.Length,
            required.Count(s => s.Score >= SkillShownScore),
            required.Length,
            preferred.Length,
            profile.PreferredSkills.Count,
            language is null ? null : $"{language.Language} {language.Headline}")
        {
            Gaps = gaps,
        };
    }

    /// <summary>A dimension's score; its quote is chosen with every other quote by <see cref="ScorecardWording"/>.</summary>
    private static DimensionLine Dimension(RubricDimension dimension, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine)
    {
        var feeding = Feeding(dimension, judged);
        var values = feeding.Select(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped ? Measure(dimension.Measure, a, genuine) : 0.0).ToArray();
        var score = values.Length == 0 ? 0 : Math.Round(values.Average() * 2, 1);
        return new DimensionLine(dimension.Id, dimension.Name, dimension.Weight, score, null);
    }

    /// <summary>The questions that feed a dimension: those tagged with it, or every judged question when none is.</summary>
    internal static QuestionInfo[] Feeding(RubricDimension dimension, QuestionInfo[] judged)
    {
        var tagged = judged.Where(q => q.Dimensions.Contains(dimension.Id, StringComparer.Ordinal)).ToArray();
        return tagged.Length > 0 ? tagged : judged;
    }

    /// <summary>One answer's value (0–5) for a dimension measure.</summary>
    private static double Measure(DimensionMeasure measure, AnswerRecord answer, GenuineAnswers genuine) => measure switch
    {
        DimensionMeasure.Specificity => answer.Judgment.Specificity,
        DimensionMeasure.Coverage => CoverageShare(answer.Judgment) is { } share ? 5.0 * share : answer.Judgment.Depth,
        DimensionMeasure.Clarity => Communication(answer, genuine),
        _ => answer.Judgment.Depth,
    };

    private static SkillLine RequiredSkill(Skill skill, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine)
    {
        var linked = Linked(skill, judged);
        if (linked.Length > 0)
        {
            var score = Math.Round(linked.Average(q => answers.TryGetValue(q.Id, out var a) ? a.Judgment.Depth : 0) * 2, 1);
            return new SkillLine(skill.Id, skill.Name, score, null);
        }

        // No question is tagged with the skill: fall back to answers that mention it.
        return SignalSkill(skill, answers, genuine);
    }

    /// <summary>The questions the profile tags with a skill.</summary>
    internal static QuestionInfo[] Linked(Skill skill, QuestionInfo[] judged) => judged.Where(q => q.Skills.Contains(skill.Id, StringComparer.Ordinal)).ToArray();

    private static SkillLine PreferredSkill(Skill skill, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine) =>
        SignalSkill(skill, answers, genuine);

    /// <summary>The skill's score from the deepest answer whose genuine part mentions it (a payload never does).</summary>
    private static SkillLine SignalSkill(Skill skill, Dictionary<string, AnswerRecord> answers, GenuineAnswers genuine)
    {
        string[] signals = [skill.Name, .. skill.Signals];
        var best = answers.Values
            .Where(a => !a.Skipped && signals.Any(s => ContainsPhrase(genuine.Text(a.QuestionId), s)))
            .OrderByDescending(a => a.Judgment.Depth)
            .ThenBy(a => a.QuestionId, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return new SkillLine(skill.Id, skill.Name, 0, null);
        }

        var sentence = SentenceWith(genuine.Text(best.QuestionId), signals);
        return new SkillLine(skill.Id, skill.Name, Math.Round(best.Judgment.Depth * 2, 1), sentence);
    }

    private static Recommendation Recommend(Profile profile, InterviewStatus status, int composite, CompetencyLine[] competencies, IReadOnlyList<Competency> defined)
    {
        if (status is InterviewStatus.KnockedOut or InterviewStatus.Declined or InterviewStatus.OptedOut)
        {
            return Recommendation.No;
        }

        var t = profile.Recommendation;
        var recommendation = composite >= t.StrongYes ? Recommendation.StrongYes
            : composite >= t.Yes ? Recommendation.Yes
            : composite >= t.Maybe ? Recommendation.Maybe
            : Recommendation.No;

        // A must-have competency without evidence rules out Strong Yes; an unfinished screen cannot be better than Maybe.
        var mustHaveMissing = competencies.Any(c => !c.Passed && defined.FirstOrDefault(d => d.Id == c.CompetencyId)?.MustHave == true);
        if (mustHaveMissing && recommendation == Recommendation.StrongYes)
        {
            recommendation = Recommendation.Yes;
        }

        if (status != InterviewStatus.Completed && recommendation > Recommendation.Maybe)
        {
            recommendation = Recommendation.Maybe;
        }

        return recommendation;
    }

    private static string DescribeJudges(Judgment[] judgments)
    {
        if (judgments.Length == 0)
        {
            return "No answers were judged.";
        }

        var llm = judgments.Count(j => j.JudgedBy == JudgeKind.Llm);
        var fallback = judgments.Count(j => j.JudgedBy == JudgeKind.RubricFallback);
        if (llm == 0 && fallback == 0)
        {
            return "Offline rubric judge";
        }

        return fallback == 0 ? "LLM judge" : $"LLM judge; {fallback} of {judgments.Length} answers fell back to the offline rubric judge";
    }

    internal static bool Verbatim(string? quote, Dictionary<string, string> texts, string questionId) =>
        quote is { Length: > 0 } && texts.TryGetValue(questionId, out var text) && text.Contains(quote, StringComparison.Ordinal);

    /// <summary>The candidate's words per question id, follow-up answers joined in order.</summary>
    private static Dictionary<string, string> CandidateTexts(IReadOnlyList<TranscriptTurn> transcript) =>
        transcript
            .Where(t => t.Speaker == Speaker.Candidate && t.QuestionId is not null)
            .OrderBy(t => t.Sequence)
            .GroupBy(t => t.QuestionId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(t => t.Text)), StringComparer.Ordinal);

    internal static bool ContainsPhrase(string text, string phrase)
    {
        if (string.IsNullOrWhiteSpace(phrase))
        {
            return false;
        }

        var index = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var end = index + phrase.Length;
            if ((index == 0 || !char.IsLetterOrDigit(text[index - 1])) && (end >= text.Length || !char.IsLetterOrDigit(text[end])))
            {
                return true;
            }

            index = text.IndexOf(phrase, index + 1, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>The first sentence of <paramref name="text"/> mentioning a signal, verbatim (quotes are cut to size in <see cref="EvidenceQuotes"/>).</summary>
    private static string? SentenceWith(string text, IEnumerable<string> signals)
    {
        foreach (var sentence in Sentences(text))
        {
            if (signals.Any(s => ContainsPhrase(sentence, s)))
            {
                return sentence;
            }
        }

        return null;
    }

    internal static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (EvidenceQuotes.IsSentenceEnd(text, i))
            {
                var sentence = text[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }

                start = i + 1;
            }
        }

        var rest = text[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

}

internal static class ScoringText
{
    /// <summary>"Technical depth" → "technical depth", but "API design" stays "API design".</summary>
    public static string LowerFirst(this string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
