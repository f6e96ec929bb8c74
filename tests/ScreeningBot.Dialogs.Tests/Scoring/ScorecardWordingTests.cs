using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Scoring;

/// <summary>The words of a scorecard (<see cref="ScorecardWording"/>): findings with evidence, quotes once and whole, next steps, coverage.</summary>
public sealed partial class ScorecardWordingTests
{
    private static readonly DateTimeOffset Start = ScoringSamples.Start;

    /// <summary>Answers on <see cref="SampleProfiles.Backend"/>: each a few sentences; the judge quotes only the first 60 characters, as a cut-off quote.</summary>
    private static readonly Dictionary<string, string> Rich = new(StringComparer.Ordinal)
    {
        ["api"] = "I designed the billing API for forty enterprise customers, with cursor pagination on every list endpoint, an idempotency key on every POST and the version in the Accept header so old clients kept working for six months. We kept p95 under 120 ms at two thousand requests per second.",
        ["incident"] = "I was on-call when the payments queue stalled. I wrote the postmortem, added a lag alert on the consumer group, and we cut detection time from 25 minutes to 2 minutes.",
        ["cache"] = "We cached the product catalogue in Redis with cache-aside and a five minute TTL. Writes deleted the key through an outbox event, and the hit ratio stayed around 94 percent.",
        ["cache.f1"] = "Invalidation happened on every product update: the writer published an event after commit and a small consumer deleted the affected keys.",
        ["cache.f2"] = "During a flash sale hundreds of requests missed the same expired key and hammered Postgres, so I added single-flight locking per key and jittered expiry.",
    };

    private static (Interview Interview, List<TranscriptTurn> Transcript) Interview(
        IReadOnlyDictionary<string, string> texts,
        double depth = 4.0,
        InterviewStatus status = InterviewStatus.Completed,
        IEnumerable<string>? skipped = null,
        Func<string, string, IReadOnlyList<string>>? covered = null)
    {
        var transcript = new List<TranscriptTurn>();
        var answers = new List<AnswerRecord>();
        foreach (var (id, text) in texts)
        {
            var kind = ScoringSamples.KindOf(id);
            transcript.Add(ScoringSamples.Turn(id, text, transcript.Count));
            var judgment = Judgment.Create(depth, depth, evidenceQuote: text[..Math.Min(60, text.Length)], judgedBy: JudgeKind.Llm) with { AreasCovered = covered?.Invoke(id, text) ?? [] };
            answers.Add(new AnswerRecord { QuestionId = id, Kind = kind, Phase = Phase.CustomQuestions, Judgment = judgment, AnswerLength = text.Length });
        }

        foreach (var id in skipped ?? [])
        {
            answers.Add(new AnswerRecord { QuestionId = id, Kind = QuestionKind.BlueprintFollowUp, Phase = Phase.Blueprints, Judgment = Judgment.Create(0, 0), Skipped = true });
        }

        var interview = ScoringSamples.Interview(answers, status);
        return (interview, transcript);
    }

    private static Scorecard Build((Interview Interview, List<TranscriptTurn> Transcript) x, Profile? profile = null) =>
        ScorecardBuilder.Build(profile ?? SampleProfiles.Backend, x.Interview, x.Transcript);

    /// <summary>Every quote on the scorecard: evidence lines, notable quotes, and the quotes inside strengths and risks.</summary>
    private static List<string?> AllQuotes(Scorecard s) =>
    [
        .. s.Dimensions.Select(d => d.Quote),
        .. s.RequiredSkills.Select(k => k.Evidence),
        .. s.PreferredSkills.Select(k => k.Evidence),
        .. s.Competencies.Select(c => c.Evidence),
        .. s.NotableQuotes.Select(q => q.Text),
        .. s.Strengths.Concat(s.Risks).SelectMany(line => QuoteInLine().Matches(line).Select(m => m.Groups[1].Value)),
    ];

    [Fact]
    public void Build_RichInterview_UsesEveryQuoteOnce()
    {
        var sut = Build(Interview(Rich));

        // Only a skill may repeat a quote (ScorecardWording.SkillQuote), and only one naming that skill's signals.
        var quotes = AllQuotes(sut with { RequiredSkills = [], PreferredSkills = [] }).OfType<string>().ToList();
        Assert.True(quotes.Count >= 4, $"only {quotes.Count} quotes");
        Assert.Equal(quotes.Count, quotes.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var profile = SampleProfiles.Backend;
        foreach (var line in sut.RequiredSkills.Concat(sut.PreferredSkills).Where(l => l.Evidence is not null && quotes.Contains(l.Evidence, StringComparer.OrdinalIgnoreCase)))
        {
            var skill = profile.RequiredSkills.Concat(profile.PreferredSkills).Single(k => k.Id == line.SkillId);
            Assert.True(SkillSentences.Matches(line.Evidence!, [skill.Name, .. skill.Signals]) > 0, $"{skill.Id} repeats a quote that does not name it: {line.Evidence}");
        }
    }

    [Fact]
    public void Build_SkillWhoseOnlySentenceSupportsAStrength_QuotesItAgainRatherThanNothing()
    {
        // The API answer's first sentence is the only one naming API design's signals (pagination), and the API strength takes it.
        const string Sentence = "I designed the billing API for forty enterprise customers, with cursor pagination on every list endpoint, an idempotency key on every POST and the version in the Accept header so old clients kept working for six months.";
        var sut = Build(Interview(Rich, depth: 4.5, covered: (id, _) => id is "api" ? ["versioning", "pagination"] : []));

        Assert.Contains(sut.Strengths, s => s.Contains(Sentence, StringComparison.Ordinal));
        var api = sut.RequiredSkills.Single(k => k.SkillId == "api-design");
        Assert.Equal(Sentence, api.Evidence);
        // The repeated quote still names the skill's signal, and no line but a skill's repeats one.
        Assert.Contains("pagination", api.Evidence, StringComparison.OrdinalIgnoreCase);
        var others = AllQuotes(sut with { RequiredSkills = [], PreferredSkills = [] }).OfType<string>().ToList();
        Assert.Equal(others.Count, others.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void Build_SkillNamedInNoSentence_IsNotGivenARepeatedQuote()
    {
        // Nothing names Reliability, SLO or on-call, and the incident answer's only sentence supports the competency: no quote to repeat.
        var texts = new Dictionary<string, string>(Rich) { ["incident"] = "The payments queue stalled one night, so I wrote the postmortem and we cut detection from 25 minutes to 2 minutes." };
        var sut = Build(Interview(texts, depth: 4.5));

        var reliability = sut.RequiredSkills.Single(k => k.SkillId == "reliability");
        var elsewhere = AllQuotes(sut with { RequiredSkills = [.. sut.RequiredSkills.Where(k => k.SkillId != "reliability")] });
        Assert.Contains(texts["incident"], elsewhere);
        Assert.Null(reliability.Evidence);
    }

    [Fact]
    public void Build_JudgeQuoteCutMidPhrase_BecomesTheWholeSentence()
    {
        var sut = Build(Interview(Rich));

        var transcript = string.Join("\n", Rich.Values);
        foreach (var quote in AllQuotes(sut).OfType<string>())
        {
            Assert.True(quote.EndsWith('…') || quote[^1] is '.' or '!' or '?', $"quote ends mid-sentence: {quote}");
            Assert.Contains(quote.TrimEnd('…'), transcript, StringComparison.Ordinal);
        }

        Assert.Contains("I designed the billing API for forty enterprise customers, with cursor pagination on every list endpoint, an idempotency key on every POST and the version in the Accept header so old clients kept working for six months.", AllQuotes(sut));
    }

    [Fact]
    public void Build_SentenceLongerThanAQuote_IsCutAtAClauseWithAnEllipsis()
    {
        var longSentence = "We moved reporting to a read replica, " + string.Join(", ", Enumerable.Range(1, 30).Select(i => $"then step {i} of the migration")) + ".";
        var sut = Build(Interview(new Dictionary<string, string> { ["api"] = longSentence }));

        var quote = Assert.Single(sut.NotableQuotes).Text;
        Assert.EndsWith("…", quote, StringComparison.Ordinal);
        Assert.True(quote.Length <= 280, $"{quote.Length} characters");
        Assert.StartsWith(quote.TrimEnd('…'), longSentence, StringComparison.Ordinal);
        Assert.Matches(@"migration…$", quote);
    }

    [Fact]
    public void Build_NoVerbatimEvidence_GivesNoQuote()
    {
        var x = Interview(Rich);
        var answers = x.Interview.Record.Answers.Select(a => a with { Judgment = a.Judgment with { EvidenceQuote = "words the candidate never said" } }).ToArray();
        var sut = Build((x.Interview with { Record = x.Interview.Record with { Answers = answers } }, x.Transcript));

        // Notable quotes come only from the judge; a dimension may still quote a sentence that shows one of its areas.
        Assert.Empty(sut.NotableQuotes);
        var transcript = string.Join("\n", Rich.Values);
        Assert.All(AllQuotes(sut).OfType<string>(), q => Assert.Contains(q.TrimEnd('…'), transcript, StringComparison.Ordinal));
        Assert.DoesNotContain(AllQuotes(sut), q => q?.Contains("never said", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Build_Strengths_NameTopicsWithEvidenceNeverADimensionAndANumber()
    {
        var sut = Build(Interview(Rich, depth: 4.5, covered: (id, _) => id switch { "api" => ["versioning", "pagination"], "cache" => ["cache-aside", "ttl"], _ => [] }));

        Assert.InRange(sut.Strengths.Count, 1, ScorecardWording.MaxFindings);
        Assert.Equal(sut.Strengths.Count, sut.Strengths.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.DoesNotContain(sut.Strengths, s => ScoreOnly().IsMatch(s));
        Assert.Contains(sut.Strengths, s => s.StartsWith("API: covered versioning and pagination (“I designed the billing API", StringComparison.Ordinal));
        Assert.Contains(sut.Strengths, s => s.StartsWith("Owns incidents end to end (Advanced), shown in the answer on incident", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_AreasMissedAfterFollowUps_RiskAndNextStepNameTheTopics()
    {
        var texts = new Dictionary<string, string>(Rich)
        {
            ["cache"] = "I would put Redis in front of the database because it is fast and teams use it everywhere.",
            ["cache.f1"] = "I would ask the team what they prefer for that part.",
            ["cache.f2"] = "It depends on the situation and on the team.",
        };
        var sut = Build(Interview(texts, depth: 3.0, covered: (id, _) => id is "api" ? ["versioning", "pagination"] : id is "incident" ? ["detection", "postmortem"] : []));

        var risk = Assert.Single(sut.Risks, r => r.StartsWith("Cache: did not address", StringComparison.Ordinal));
        Assert.Contains("invalidation", risk, StringComparison.Ordinal);
        Assert.Contains("when asked three times", risk, StringComparison.Ordinal);
        Assert.DoesNotContain(sut.Risks, r => ScoreOnly().IsMatch(r));
        Assert.Matches("probe .*(cache-aside|ttl|invalidation|stampede)", sut.SuggestedNextStep);
    }

    [Fact]
    public void Build_SkippedAndUnreachedQuestions_AreCoverageGaps()
    {
        var texts = new Dictionary<string, string> { ["api"] = Rich["api"], ["cache"] = Rich["cache"] };
        var sut = Build(Interview(texts, status: InterviewStatus.Withdrawn, skipped: ["cache.f1"]));

        var breakdown = Assert.IsType<CoverageBreakdown>(sut.Breakdown);
        Assert.Equal(40, breakdown.OverallPercent);
        Assert.Equal((1, 2), (breakdown.CustomAnswered, breakdown.CustomTotal));
        Assert.Equal((0, 1), (breakdown.CompetenciesEvidenced, breakdown.CompetenciesTotal));
        Assert.Equal(3, breakdown.RequiredSkillsTotal);
        Assert.Equal(
            [("incident", CoverageGapReason.NotReached), ("cache.f1", CoverageGapReason.Skipped), ("cache.f2", CoverageGapReason.NotReached)],
            breakdown.Gaps.Select(g => (g.QuestionId, g.Reason)));
        Assert.Equal("cache, follow-up 1", breakdown.Gaps[1].Topic);
        Assert.Contains(sut.Risks, r => r == "Skipped the question on cache, follow-up 1");
        Assert.Contains(sut.Risks, r => r.StartsWith("Screen not completed (withdrawn) after 2 of 5 questions", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ChoiceKnockout_ShowsTheOptionTheCandidateChose()
    {
        var profile = SampleProfiles.Backend with
        {
            Knockouts =
            [
                new Knockout
                {
                    Id = "overlap", Question = "How many working hours can you overlap with 09:00 to 17:00 Central European Time?", Type = KnockoutAnswerType.Choice,
                    Choices = [new ChoiceOption("full-overlap", "All eight hours"), new ChoiceOption("none", "None")], FailIf = "in [none]", Rule = new ChoiceRule(true, ["none"]),
                },
            ],
        };
        var x = Interview(Rich);
        var interview = x.Interview with { Record = x.Interview.Record with { Knockouts = [new KnockoutResult("overlap", "full-overlap", true)] } };

        var line = Assert.Single(Build((interview, x.Transcript), profile).Knockouts);

        Assert.Equal("All eight hours", line.Answer);
        Assert.Equal("How many working hours can you overlap with 09:00 to 17:00 Central European Time?", line.Question);
    }

    [Fact]
    public void Build_Confidence_IsWordedAsAPercentage()
    {
        var sut = Build(Interview(Rich));

        Assert.Matches(@"\(confidence \d{1,3}%\)", sut.Summary);
    }

    [Fact]
    public void Build_SameFlagTwiceOnOneAnswer_IsListedOnce()
    {
        var x = Interview(Rich);
        var flag = new RedFlag(RedFlag.RepeatedAnswer, "repeats the api answer");
        var answers = x.Interview.Record.Answers.Select(a => a.QuestionId == "incident" ? a with { Judgment = a.Judgment with { RedFlags = [flag, flag] } } : a).ToArray();

        var sut = Build((x.Interview with { Record = x.Interview.Record with { Answers = answers } }, x.Transcript));

        Assert.Single(sut.Integrity);
    }

    [Theory]
    [InlineData("caching-invalidation", "caching invalidation")]
    [InlineData("caching-invalidation.f2", "caching invalidation, follow-up 2")]
    [InlineData("challenging-api", "challenging API")]
    [InlineData("microservices-growing-saas", "microservices growing SaaS")]
    public void Topic_QuestionId_ReadsAsWords(string id, string topic) => Assert.Equal(topic, ScoringContext.Topic(id));

    [GeneratedRegex("“([^”]+)”")]
    private static partial Regex QuoteInLine();

    /// <summary>"Strong communication (9.2/10)": a dimension name and a number, with nothing behind it.</summary>
    [GeneratedRegex(@"^(Strong|Weak) [^:(]+\(\d+(\.\d)?/10\)$")]
    private static partial Regex ScoreOnly();
}
