using System.Globalization;
using Humanizer;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Waterfall;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// The words of a scorecard, from the figures <see cref="ScorecardBuilder"/> computed: strengths and risks that name a
/// behaviour or topic and the answer behind it, a next step naming the topics to probe, the summary, and every quote
/// (each a whole sentence of the candidate's, used once across the scorecard, for the line it supports best; a skill may
/// repeat one, see <see cref="SkillQuote"/>). The LLM
/// narrator may rewrite the narrative afterwards (see <see cref="IScorecardNarrator"/>); the quotes stay.
/// </summary>
internal static class ScorecardWording
{
    /// <summary>At most this many strengths and this many risks.</summary>
    public const int MaxFindings = 5;

    /// <summary>Notable quotes on a scorecard.</summary>
    public const int MaxNotableQuotes = 3;

    /// <summary>An item (question with its follow-ups) answered at least this deep (0–5) is a strength.</summary>
    private const double StrongItemDepth = 3.5;

    /// <summary>An item answered less deep than this (0–5), with nothing covered, stayed general.</summary>
    private const double ShallowItemDepth = 2.0;

    /// <summary>Topics named in the suggested next step.</summary>
    private const int MaxProbeTopics = 3;

    public static Scorecard Write(ScoringContext context, Scorecard figures)
    {
        var quotes = new EvidenceQuotes(context.Texts);

        // A flagged sentence is quoted on its flag first: what a candidate said that worries the team is not a strength's quote.
        var redFlags = figures.RedFlags.Select(f => f with { Quote = f.Quote is null ? null : quotes.Take(f.QuestionId, f.Quote) }).ToArray();
        var competencies = figures.Competencies
            .Select(c => c with { Evidence = c.Evidence is null ? null : quotes.Take(Owner(context, c.Evidence), c.Evidence) })
            .ToArray();
        var items = Items(context, figures);
        var strengths = Distinct(Strengths(context, items, competencies, figures.PreferredSkills, quotes)).Take(MaxFindings).ToArray();
        var risks = Distinct(Risks(context, figures, items, competencies, quotes)).Take(MaxFindings).ToArray();
        var notable = context.Answers.Values
            .Where(a => !a.Skipped)
            .OrderByDescending(a => a.Judgment.Depth)
            .ThenBy(a => a.QuestionId, StringComparer.Ordinal)
            .Select(a => (a.QuestionId, Text: quotes.Take(a.QuestionId, a.Judgment.EvidenceQuote)))
            .Where(q => q.Text is not null)
            .Take(MaxNotableQuotes)
            .Select(q => new Quote(q.QuestionId, q.Text!))
            .ToArray();
        var areaEvidence = items.SelectMany(i => i.Areas).Where(a => a.Evidence is not null && a.QuestionId is not null).ToArray();
        var dimensions = figures.Dimensions
            .Select((d, i) => (Line: d, Index: i))
            .OrderByDescending(x => x.Line.Weight)
            .Select(x => (x.Index, Line: x.Line with { Quote = quotes.Take(Evidence(context, ScorecardBuilder.Feeding(context.Profile.Rubric[x.Index], context.Judged), areaEvidence)) }))
            .OrderBy(x => x.Index)
            .Select(x => x.Line)
            .ToArray();
        var required = figures.RequiredSkills.Select((s, i) => s with { Evidence = SkillQuote(context, context.Profile.RequiredSkills[i], quotes, areaEvidence) }).ToArray();
        var preferred = figures.PreferredSkills
            .Select(s => s with { Evidence = SkillQuote(context, context.Profile.PreferredSkills.First(p => p.Id == s.SkillId), quotes, areaEvidence) })
            .ToArray();

        return figures with
        {
            Competencies = competencies,
            RedFlags = redFlags,
            Dimensions = dimensions,
            RequiredSkills = required,
            PreferredSkills = preferred,
            Strengths = strengths,
            Risks = risks,
            NotableQuotes = notable,
            SuggestedNextStep = NextStep(context.State.Status, figures.Recommendation, ProbeTopics(context, items, competencies)),
            Summary = Summary(context, figures),
        };
    }

    /// <summary>A question of the interview with its follow-ups, as answered.</summary>
    private sealed record Item(string Id, string Topic, double Depth, IReadOnlyList<AreaEvidence> Areas, int FollowUps, int Order)
    {
        public AreaEvidence[] With(CoverageStatus status) => [.. Areas.Where(a => a.Status == status)];
    }

    private static Item[] Items(ScoringContext context, Scorecard figures)
    {
        var answers = context.Answers;
        var experience = figures.Experience
            .Where(q => answers.TryGetValue(q.QuestionId, out var a) && !a.Skipped)
            .Select((q, i) => new Item(q.QuestionId, ScoringContext.Topic(q.QuestionId), q.Depth, q.Areas, answers[q.QuestionId].FollowUpsAsked, i));
        var blueprints = figures.Blueprints
            .Where(b => answers.TryGetValue(b.BlueprintId, out var a) && !a.Skipped)
            .Select((b, i) => new Item(
                b.BlueprintId,
                ScoringContext.Topic(b.BlueprintId),
                b.Depth,
                b.Areas,
                context.Profile.Blueprints.First(p => p.Id == b.BlueprintId).FollowUps.Count(f => answers.TryGetValue(f.Id, out var fa) && !fa.Skipped),
                100 + i));
        return [.. experience, .. blueprints];
    }

    private static IEnumerable<string> Strengths(ScoringContext context, Item[] items, CompetencyLine[] competencies, IReadOnlyList<SkillLine> preferred, EvidenceQuotes quotes)
    {
        var deep = items.Where(i => i.Depth >= StrongItemDepth && i.With(CoverageStatus.Covered).Length > 0)
            .OrderByDescending(i => i.Depth).ThenBy(i => i.Order).ToArray();
        IEnumerable<string> ItemStrengths(IEnumerable<Item> chosen) => chosen.Select(item =>
        {
            var covered = item.With(CoverageStatus.Covered);
            var quote = quotes.Take(AnswerEvidence(context, item.Id).Concat(covered.Where(a => a.Evidence is not null).Select(a => (a.QuestionId!, a.Evidence))));
            var areas = covered.Length > 3 ? $"{string.Join(", ", covered.Take(3).Select(a => a.Area))} and {covered.Length - 3} more" : Join(covered.Select(a => a.Area));
            return $"{Capital(item.Topic)}: covered {areas}{Quoted(quote)}";
        });

        foreach (var s in ItemStrengths(deep.Take(3)))
        {
            yield return s;
        }

        // A behaviour only mentioned (Basic) is not yet a strength.
        foreach (var c in competencies.Where(c => c.Passed && c.Level is not CompetencyLevel.Basic).OrderByDescending(c => c.Level))
        {
            var where = c.Evidence is null ? string.Empty : $", shown in the answer on {ScoringContext.Topic(Owner(context, c.Evidence))}";
            var level = c.Level is { } l ? $" ({l.ToDisplay()})" : string.Empty;
            yield return $"{Capital(Behaviour(c.Statement))}{level}{where}";
        }

        foreach (var s in ItemStrengths(deep.Skip(3)))
        {
            yield return s;
        }

        foreach (var s in preferred.Where(s => s.Score >= 5))
        {
            yield return $"Bonus: has worked with {s.Name}" + (s.Evidence is null ? string.Empty : $", in the answer on {ScoringContext.Topic(Owner(context, s.Evidence))}");
        }
    }

    private static IEnumerable<string> Risks(ScoringContext context, Scorecard figures, Item[] items, CompetencyLine[] competencies, EvidenceQuotes quotes)
    {
        var state = context.State;
        foreach (var k in figures.Knockouts.Where(k => !k.Passed))
        {
            yield return $"{ScorecardBuilder.KnockoutRiskPrefix}: “{k.Question}” answered “{k.Answer}”";
        }

        if (state.Status is InterviewStatus.Withdrawn or InterviewStatus.Expired or InterviewStatus.Cancelled or InterviewStatus.Invalidated or InterviewStatus.Declined or InterviewStatus.OptedOut)
        {
            var answered = context.Judged.Count(q => context.Answers.TryGetValue(q.Id, out var a) && !a.Skipped);
            yield return $"Screen not completed ({state.Status.Humanize(LetterCasing.LowerCase)}) after {answered} of {context.Judged.Length} questions";
        }

        if (state.Status == InterviewStatus.KnockedOut)
        {
            yield break;
        }

        if (figures.Integrity.Any(f => f.Code == RedFlag.PromptInjection))
        {
            yield return ScorecardBuilder.InjectionRisk;
        }

        var other = figures.Integrity.Where(f => f.Code != RedFlag.PromptInjection).ToArray();
        if (other.Length > 0)
        {
            yield return $"Integrity: {string.Join("; ", other.Select(f => IntegrityFlag.KindOf(f.Code)).Distinct(StringComparer.Ordinal))} in {Join(other.Select(f => ScoringContext.Topic(f.QuestionId.Split(".f")[0])).Distinct(StringComparer.Ordinal).Take(3))}; those parts were not scored";
        }

        var gaps = items.Where(i => i.Depth > 0 && i.With(CoverageStatus.Absent).Length > 0)
            .OrderByDescending(i => i.With(CoverageStatus.Absent).Length).ThenBy(i => i.Order).ToArray();
        IEnumerable<string> GapRisks(IEnumerable<Item> chosen) => chosen.Select(i =>
            $"{Capital(i.Topic)}: did not address {Join(i.With(CoverageStatus.Absent).Take(3).Select(a => a.Area), "or")}{(i.FollowUps > 0 ? $" when asked {Times(i.FollowUps + 1)}" : string.Empty)}");

        foreach (var r in GapRisks(gaps.Take(2)))
        {
            yield return r;
        }

        if (context.Profile.LanguageAssessment is not null && figures.Language is { } language)
        {
            if (language is { Assessed: true, MeetsTarget: false })
            {
                yield return $"{language.Language} assessed {language.EstimatedLevel}, below the {language.TargetLevel} required";
            }
            else if (language is { Assessed: false })
            {
                yield return $"{language.Language} not assessed ({language.EstimatedLevel}); required {language.TargetLevel}";
            }
        }

        foreach (var c in competencies.Where(c => !c.Passed && context.Profile.Competencies.FirstOrDefault(d => d.Id == c.CompetencyId)?.MustHave == true).Take(2))
        {
            yield return $"No example yet of: {Behaviour(c.Statement)}";
        }

        foreach (var i in items.Where(i => i.Depth < ShallowItemDepth && i.With(CoverageStatus.Covered).Length == 0).OrderBy(i => i.Depth).ThenBy(i => i.Order))
        {
            var quote = quotes.Take(AnswerEvidence(context, i.Id));
            yield return $"{Capital(i.Topic)}: stayed general, with no example or figure{Quoted(quote)}";
        }

        foreach (var r in GapRisks(gaps.Skip(2)))
        {
            yield return r;
        }

        var skipped = context.Judged.Where(q => context.Answers.TryGetValue(q.Id, out var a) && a.Skipped).Select(q => ScoringContext.Topic(q.Id)).ToArray();
        if (skipped.Length > 0)
        {
            yield return $"Skipped the {(skipped.Length == 1 ? "question" : "questions")} on {Join(skipped.Take(3))}{(skipped.Length > 3 ? $" and {skipped.Length - 3} more" : string.Empty)}";
        }
    }

    /// <summary>What the next round should probe: areas the answers missed or only touched, then behaviours not yet shown, then skipped topics.</summary>
    private static string[] ProbeTopics(ScoringContext context, Item[] items, CompetencyLine[] competencies)
    {
        var missed = items.OrderByDescending(i => i.With(CoverageStatus.Absent).Length).ThenBy(i => i.Order).SelectMany(i => i.With(CoverageStatus.Absent).Take(2)).Select(a => a.Area);
        var touched = items.SelectMany(i => i.With(CoverageStatus.Touched)).Select(a => a.Area);
        var behaviours = competencies.Where(c => !c.Passed).Concat(competencies.Where(c => c.Level == CompetencyLevel.Basic)).Select(c => Behaviour(c.Statement));
        var skipped = context.Judged.Where(q => context.Answers.TryGetValue(q.Id, out var a) && a.Skipped && q.Kind != QuestionKind.BlueprintFollowUp).Select(q => ScoringContext.Topic(q.Id));
        return [.. missed.Concat(touched).Concat(behaviours).Concat(skipped).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxProbeTopics)];
    }

    private static string NextStep(InterviewStatus status, Recommendation recommendation, string[] topics)
    {
        var probe = Join(topics);
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
                Recommendation.StrongYes => topics.Length == 0 ? "Fast-track to the technical interview." : $"Fast-track to the technical interview; use it to probe {probe}.",
                Recommendation.Yes => topics.Length == 0 ? "Invite to the technical interview." : $"Invite to the technical interview and probe {probe}.",
                Recommendation.Maybe => topics.Length == 0 ? "A short recruiter call before deciding." : $"A short recruiter call to probe {probe} before deciding.",
                _ => "Send a polite rejection.",
            },
        };
    }

    private static string Summary(ScoringContext context, Scorecard figures)
    {
        var (profile, interview, _, _, _, _) = context;
        var state = interview.Record;
        var name = string.IsNullOrWhiteSpace(interview.Candidate.Name) ? "The candidate" : interview.Candidate.Name;
        if (state.Status == InterviewStatus.KnockedOut)
        {
            return $"{name} did not meet a must-have requirement of the {profile.Title} screen, which ended after the basic questions.";
        }

        var active = figures.ActiveDuration;
        var how = state.Status == InterviewStatus.Completed
            ? $"completed the {profile.Title} screen in {(active < TimeSpan.FromMinutes(1) ? "under a minute" : active.Humanize(precision: 1, minUnit: TimeUnit.Minute))}"
            : $"did not complete the {profile.Title} screen ({state.Status.Humanize(LetterCasing.LowerCase)}, {figures.CoveragePercent}% answered)";
        var summary = $"{name} {how}: {figures.CompositeScore}/100, {figures.Recommendation.ToDisplay()} (confidence {Percent(figures.Confidence)}).";
        var ranked = figures.Dimensions.Where(d => d.Weight > 0).OrderByDescending(d => d.Score).ThenBy(d => d.DimensionId, StringComparer.Ordinal).ToArray();
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

    /// <summary>Confidence as people read it: 0.84 → "84%".</summary>
    public static string Percent(double confidence) => (confidence * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    /// <summary>The judge's quote of an answer and of its follow-ups, deepest first.</summary>
    private static IEnumerable<(string QuestionId, string? Quote)> AnswerEvidence(ScoringContext context, string itemId) =>
        context.Answers.Values
            .Where(a => !a.Skipped && (a.QuestionId == itemId || a.QuestionId.StartsWith(itemId + ".f", StringComparison.Ordinal)))
            .OrderByDescending(a => a.Judgment.Depth)
            .ThenBy(a => a.QuestionId, StringComparer.Ordinal)
            .Select(a => (a.QuestionId, a.Judgment.EvidenceQuote));

    /// <summary>Evidence for a line fed by <paramref name="questions"/>: their judges' quotes, deepest answer first, then their areas' sentences.</summary>
    private static IEnumerable<(string QuestionId, string? Quote)> Evidence(ScoringContext context, IEnumerable<QuestionInfo> questions, AreaEvidence[] areas)
    {
        var ids = questions.Select(q => q.Id).ToHashSet(StringComparer.Ordinal);
        var answered = ids.Where(id => context.Answers.TryGetValue(id, out var a) && !a.Skipped).Select(id => context.Answers[id])
            .OrderByDescending(a => a.Judgment.Depth).ThenBy(a => a.QuestionId, StringComparer.Ordinal).ToArray();
        return answered.Select(a => (a.QuestionId, a.Judgment.EvidenceQuote))
            .Concat(areas.Where(a => ids.Contains(a.QuestionId!)).Select(a => (a.QuestionId!, a.Evidence)));
    }

    /// <summary>
    /// A skill's quote: the unused sentence of the answers behind it that names the skill most specifically (see
    /// <see cref="SkillSentences"/>); the answers' judge quotes and area sentences when no sentence names it. When none of
    /// those is left (each already supports another line: a strength, a rubric line), the best sentence naming the skill is
    /// quoted again: the one exception to a sentence per card, so a skill the candidate named never shows no quote, and a
    /// repeated quote always names the skill's signals. The answers behind a skill are the questions tagged with it, or,
    /// when none is, every answer.
    /// </summary>
    private static string? SkillQuote(ScoringContext context, Profiles.Skill skill, EvidenceQuotes quotes, AreaEvidence[] areas)
    {
        var linked = ScorecardBuilder.Linked(skill, context.Judged);
        var answered = (linked.Length > 0 ? linked.Select(q => q.Id) : context.Judged.Select(q => q.Id))
            .Where(id => context.Answers.TryGetValue(id, out var a) && !a.Skipped)
            .Select(id => context.Answers[id])
            .OrderByDescending(a => a.Judgment.Depth).ThenBy(a => a.QuestionId, StringComparer.Ordinal)
            .Select(a => (a.QuestionId, context.Genuine.Text(a.QuestionId)));
        var ranked = SkillSentences.Ranked(skill, answered).ToArray();
        return quotes.Take(linked.Length > 0 ? ranked.Concat(Evidence(context, linked, areas)) : ranked) ?? quotes.Reuse(ranked);
    }

    /// <summary>The question whose answer holds <paramref name="sentence"/> (interview order); empty when none does.</summary>
    private static string Owner(ScoringContext context, string sentence) =>
        context.Texts.FirstOrDefault(t => t.Value.Contains(sentence.TrimEnd('…'), StringComparison.Ordinal)).Key ?? string.Empty;

    /// <summary>"Owns production incidents end to end" from "Owns production incidents end to end: mitigates first, …".</summary>
    private static string Behaviour(string statement)
    {
        var colon = statement.IndexOf(':', StringComparison.Ordinal);
        var head = colon is > 10 and < 120 ? statement[..colon] : statement;
        return head.Trim().TrimEnd('.').LowerFirst();
    }

    private static string Quoted(string? quote) => quote is null ? string.Empty : $" (“{quote}”)";

    private static string Times(int n) => n switch { 2 => "twice", 3 => "three times", _ => $"{n} times" };

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Join(IEnumerable<string> items, string conjunction = "and")
    {
        var list = items.ToArray();
        return list.Length switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => $"{string.Join(", ", list[..^1])} {conjunction} {list[^1]}",
        };
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> lines) => lines.Distinct(StringComparer.OrdinalIgnoreCase);

    private static string Format(double score) => score.ToString("0.#", CultureInfo.InvariantCulture);
}
