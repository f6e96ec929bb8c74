using System.Globalization;
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

        var knockouts = state.Knockouts
            .Select(k => new KnockoutLine(k.KnockoutId, profile.Knockouts.FirstOrDefault(p => p.Id == k.KnockoutId)?.Question ?? k.KnockoutId, k.AnswerText, k.Passed))
            .ToArray();
        var dimensions = profile.Rubric.Select(d => Dimension(d, judged, answers, texts, genuine)).ToArray();
        var required = profile.RequiredSkills.Select(s => RequiredSkill(s, judged, answers, texts, genuine)).ToArray();
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
        var quotes = answers.Values
            .Where(a => a.Judgment.EvidenceQuote is { } q && Verbatim(q, texts, a.QuestionId))
            .OrderByDescending(a => a.Judgment.Depth)
            .ThenBy(a => a.QuestionId, StringComparer.Ordinal)
            .Take(3)
            .Select(a => new Quote(a.QuestionId, a.Judgment.EvidenceQuote!))
            .ToArray();
        var strengths = Strengths(dimensions, blueprints, competencies, preferred).Take(5).ToArray();
        var risks = Risks(state, knockouts, dimensions, blueprints, competencies, profile, answers, language, judgments, integrity).Take(6).ToArray();
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
            Strengths = strengths,
            Risks = risks,
            NotableQuotes = quotes,
            SuggestedNextStep = NextStep(state.Status, recommendation, dimensions),
            Summary = Summary(interview, profile, state, composite, recommendation, confidence, coverage, dimensions, active),
            JudgeDescription = DescribeJudges(judgments),
            LlmInputTokens = judgments.Sum(j => j.InputTokens),
            LlmOutputTokens = judgments.Sum(j => j.OutputTokens),
            StartedAt = state.StartedAt,
            CompletedAt = completedAt,
            ActiveDuration = active < TimeSpan.Zero ? TimeSpan.Zero : active,
        };
    }

    private static DimensionLine Dimension(RubricDimension dimension, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, Dictionary<string, string> texts, GenuineAnswers genuine)
    {
        var feeding = Feeding(dimension, judged);
        var values = feeding.Select(q => answers.TryGetValue(q.Id, out var a) && !a.Skipped ? Measure(dimension.Measure, a, genuine) : 0.0).ToArray();
        var score = values.Length == 0 ? 0 : Math.Round(values.Average() * 2, 1);
        return new DimensionLine(dimension.Id, dimension.Name, dimension.Weight, score, BestQuote(feeding, answers, texts));
    }

    /// <summary>The questions that feed a dimension: those tagged with it, or every judged question when none is.</summary>
    private static QuestionInfo[] Feeding(RubricDimension dimension, QuestionInfo[] judged)
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

    private static SkillLine RequiredSkill(Skill skill, QuestionInfo[] judged, Dictionary<string, AnswerRecord> answers, Dictionary<string, string> texts, GenuineAnswers genuine)
    {
        var linked = judged.Where(q => q.Skills.Contains(skill.Id, StringComparer.Ordinal)).ToArray();
        if (linked.Length > 0)
        {
            var score = Math.Round(linked.Average(q => answers.TryGetValue(q.Id, out var a) ? a.Judgment.Depth : 0) * 2, 1);
            return new SkillLine(skill.Id, skill.Name, score, BestQuote(linked, answers, texts));
        }

        // No question is tagged with the skill: fall back to answers that mention it.
        return SignalSkill(skill, answers, genuine);
    }

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

    private static IEnumerable<string> Strengths(DimensionLine[] dimensions, BlueprintCoverage[] blueprints, CompetencyLine[] competencies, SkillLine[] preferred)
    {
        foreach (var d in dimensions.Where(d => d.Score >= 7).OrderByDescending(d => d.Score).ThenBy(d => d.DimensionId, StringComparer.Ordinal))
        {
            yield return $"Strong {d.Name.LowerFirst()} ({Format(d.Score)}/10)";
        }

        foreach (var b in blueprints.Where(b => b.Depth >= 3.5))
        {
            yield return $"Thorough design answer on \"{Shorten(b.Question, 60)}\" (covered {string.Join(", ", b.Covered.Take(3))})";
        }

        foreach (var c in competencies.Where(c => c.Passed))
        {
            yield return $"Shows: {c.Statement}";
        }

        foreach (var s in preferred.Where(s => s.Score >= 5))
        {
            yield return $"Bonus: experience with {s.Name}";
        }
    }

    private static IEnumerable<string> Risks(
        InterviewRecord state,
        KnockoutLine[] knockouts,
        DimensionLine[] dimensions,
        BlueprintCoverage[] blueprints,
        CompetencyLine[] competencies,
        Profile profile,
        Dictionary<string, AnswerRecord> answers,
        LanguageResult? language,
        Judgment[] judgments,
        IntegrityFlag[] integrity)
    {
        foreach (var k in knockouts.Where(k => !k.Passed))
        {
            yield return $"{KnockoutRiskPrefix}: \"{Shorten(k.Question, 80)}\" (answered {k.Answer})";
        }

        if (state.Status is InterviewStatus.Withdrawn or InterviewStatus.Expired or InterviewStatus.Cancelled or InterviewStatus.Invalidated or InterviewStatus.Declined or InterviewStatus.OptedOut)
        {
            yield return $"Screen not completed ({state.Status.Humanize(LetterCasing.LowerCase)})";
        }

        if (state.Status == InterviewStatus.KnockedOut)
        {
            yield break;
        }

        if (judgments.SelectMany(j => j.RedFlags).Any(f => f.Code == RedFlag.PromptInjection))
        {
            yield return InjectionRisk;
        }

        if (integrity.Any(f => f.Code != RedFlag.PromptInjection))
        {
            yield return $"Integrity: {string.Join("; ", integrity.Where(f => f.Code != RedFlag.PromptInjection).Select(f => IntegrityFlag.KindOf(f.Code)).Distinct(StringComparer.Ordinal))} (see Integrity); those parts were not scored";
        }

        foreach (var c in competencies.Where(c => !c.Passed && profile.Competencies.FirstOrDefault(d => d.Id == c.CompetencyId)?.MustHave == true))
        {
            yield return $"No evidence yet for: {c.Statement}";
        }

        foreach (var d in dimensions.Where(d => d.Score < 5).OrderBy(d => d.Score).ThenBy(d => d.DimensionId, StringComparer.Ordinal))
        {
            yield return $"Weak {d.Name.LowerFirst()} ({Format(d.Score)}/10)";
        }

        foreach (var b in blueprints.Where(b => b.Missing.Count > 0 && b.Depth > 0))
        {
            yield return $"Design answer missed {string.Join(", ", b.Missing.Take(3))}";
        }

        var skipped = answers.Values.Count(a => a.Skipped);
        if (skipped > 0)
        {
            yield return $"Skipped {skipped.ToWords()} {(skipped == 1 ? "question" : "questions")}";
        }

        if (language is { Assessed: true, MeetsTarget: false })
        {
            yield return $"{language.Language} assessed {language.EstimatedLevel}, below the {language.TargetLevel} required";
        }
        else if (language is { Assessed: false })
        {
            yield return $"{language.Language} not assessed ({language.EstimatedLevel}); required {language.TargetLevel}";
        }
    }

    private static string NextStep(InterviewStatus status, Recommendation recommendation, DimensionLine[] dimensions)
    {
        var weakest = dimensions.Where(d => d.Weight > 0).OrderBy(d => d.Score).ThenBy(d => d.DimensionId, StringComparer.Ordinal).FirstOrDefault()?.Name.LowerFirst();
        return status switch
        {
            InterviewStatus.KnockedOut => "A must-have requirement was not met. Please review the answer and decide; the candidate was told the team will get back to them.",
            InterviewStatus.Declined => "The candidate declined to take the screen. Reach out personally if you still want to talk.",
            InterviewStatus.Withdrawn => "The candidate withdrew. No action needed unless they ask to restart.",
            InterviewStatus.Expired => "The screen expired unfinished. Nudge the candidate and send a new invitation if they are still interested.",
            InterviewStatus.Cancelled => "The screen was cancelled by a recruiter.",
            InterviewStatus.Invalidated => "The profile changed mid-screen. Send a new invitation on the current profile.",
            _ => recommendation switch
            {
                Recommendation.StrongYes => "Fast-track to the technical interview.",
                Recommendation.Yes => weakest is null ? "Invite to the technical interview." : $"Invite to the technical interview and probe {weakest}.",
                Recommendation.Maybe => weakest is null ? "A short recruiter call before deciding." : $"A short recruiter call to probe {weakest} before deciding.",
                _ => "Send a polite rejection.",
            },
        };
    }

    private static string Summary(Interview interview, Profile profile, InterviewRecord state, int composite, Recommendation recommendation, double confidence, int coverage, DimensionLine[] dimensions, TimeSpan active)
    {
        var name = string.IsNullOrWhiteSpace(interview.Candidate.Name) ? "The candidate" : interview.Candidate.Name;
        if (state.Status == InterviewStatus.KnockedOut)
        {
            return $"{name} did not meet a must-have requirement of the {profile.Title} screen, which ended after the basic questions.";
        }

        var how = state.Status == InterviewStatus.Completed
            ? $"completed the {profile.Title} screen in {(active < TimeSpan.FromMinutes(1) ? "under a minute" : active.Humanize(precision: 1, minUnit: TimeUnit.Minute))}"
            : $"did not complete the {profile.Title} screen ({state.Status.Humanize(LetterCasing.LowerCase)}, {coverage}% answered)";
        var summary = $"{name} {how}: {composite}/100, {recommendation.ToDisplay()} (confidence {confidence.ToString("0.00", CultureInfo.InvariantCulture)}).";
        var ranked = dimensions.Where(d => d.Weight > 0).OrderByDescending(d => d.Score).ThenBy(d => d.DimensionId, StringComparer.Ordinal).ToArray();
        if (ranked.Length >= 2 && ranked[0].Score > 0)
        {
            summary += $" Strongest: {ranked[0].Name.LowerFirst()} ({Format(ranked[0].Score)}); weakest: {ranked[^1].Name.LowerFirst()} ({Format(ranked[^1].Score)}).";
        }

        var followUps = state.Answers.Count(a => a.FollowUpsAsked > 0);
        if (followUps > 0)
        {
            summary += $" {followUps} of {state.Answers.Count(a => a.Kind == QuestionKind.Custom)} experience answers needed follow-ups.";
        }

        return summary;
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

    private static string? BestQuote(IEnumerable<QuestionInfo> questions, Dictionary<string, AnswerRecord> answers, Dictionary<string, string> texts) =>
        questions
            .Select(q => answers.GetValueOrDefault(q.Id))
            .Where(a => a is { Skipped: false } && Verbatim(a.Judgment.EvidenceQuote, texts, a.QuestionId))
            .OrderByDescending(a => a!.Judgment.Depth)
            .ThenBy(a => a!.QuestionId, StringComparer.Ordinal)
            .Select(a => a!.Judgment.EvidenceQuote)
            .FirstOrDefault();

    private static bool Verbatim(string? quote, Dictionary<string, string> texts, string questionId) =>
        quote is { Length: > 0 } && texts.TryGetValue(questionId, out var text) && text.Contains(quote, StringComparison.Ordinal);

    /// <summary>The candidate's words per question id, follow-up answers joined in order.</summary>
    private static Dictionary<string, string> CandidateTexts(IReadOnlyList<TranscriptTurn> transcript) =>
        transcript
            .Where(t => t.Speaker == Speaker.Candidate && t.QuestionId is not null)
            .OrderBy(t => t.Sequence)
            .GroupBy(t => t.QuestionId!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => string.Join("\n\n", g.Select(t => t.Text)), StringComparer.Ordinal);

    private static bool ContainsPhrase(string text, string phrase)
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

    /// <summary>The first sentence of <paramref name="text"/> mentioning a signal, verbatim and at most 200 characters.</summary>
    private static string? SentenceWith(string text, IEnumerable<string> signals)
    {
        foreach (var sentence in Sentences(text))
        {
            if (signals.Any(s => ContainsPhrase(sentence, s)))
            {
                return sentence.Length <= 200 ? sentence : sentence[..200];
            }
        }

        return null;
    }

    private static IEnumerable<string> Sentences(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])))
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

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    private static string Format(double score) => score.ToString("0.#", CultureInfo.InvariantCulture);
}

internal static class ScoringText
{
    /// <summary>"Technical depth" → "technical depth", but "API design" stays "API design".</summary>
    public static string LowerFirst(this string name) =>
        name.Length > 1 && char.IsUpper(name[0]) && !char.IsUpper(name[1]) ? char.ToLowerInvariant(name[0]) + name[1..] : name;
}
