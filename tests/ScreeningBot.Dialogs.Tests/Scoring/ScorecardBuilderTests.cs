using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Scoring;

public sealed class ScorecardBuilderTests
{
    private static readonly DateTimeOffset Start = ScoringSamples.Start;
    private static readonly string[] AllQuestions = ["api", "incident", "cache", "cache.f1", "cache.f2"];

    private const string IncidentText = "I was on-call when the payments queue stalled. I wrote the postmortem, added a lag alert on the consumer group, and we cut detection time from 25 minutes to 2 minutes.";

    /// <summary>An interview on <see cref="SampleProfiles.Backend"/> where the listed questions were answered at one depth.</summary>
    private static (Interview Interview, List<TranscriptTurn> Transcript) Interview(
        double depth,
        IEnumerable<string>? answered = null,
        InterviewStatus status = InterviewStatus.Completed,
        Func<string, string>? textFor = null,
        JudgeKind judgedBy = JudgeKind.Llm,
        double? specificity = null)
    {
        var transcript = new List<TranscriptTurn>();
        var answers = new List<AnswerRecord>();
        foreach (var id in answered ?? AllQuestions)
        {
            var text = textFor?.Invoke(id) ?? (id == "incident" ? IncidentText : $"A detailed answer about {id} with enough words to not count as a short answer at all. We measured p95 latency at 120 ms, set an SLO on it and kept it there for a whole year.");
            transcript.Add(ScoringSamples.Turn(id, text, transcript.Count));
            var kind = ScoringSamples.KindOf(id);
            var judgment = Judgment.Create(depth, specificity ?? depth, evidenceQuote: text.Split('.')[0], judgedBy: judgedBy);
            answers.Add(new AnswerRecord { QuestionId = id, Kind = kind, Phase = Phase.CustomQuestions, Judgment = judgment, AnswerLength = text.Length });
        }

        var interview = ScoringSamples.Interview(answers, status);
        return (interview, transcript);
    }

    private static Scorecard Build((Interview Interview, List<TranscriptTurn> Transcript) x) => ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript);

    /// <summary>A different, fully developed answer per question (about 40 content words each).</summary>
    private static string Rich(string id) => id switch
    {
        "api" => "I designed the billing API for forty enterprise customers. Every POST took an idempotency key, lists used cursor pagination, and the version lived in the Accept header. We kept p95 under 120 ms at two thousand requests per second and retired v1 after six months of notice.",
        "incident" => IncidentText + " The root cause was a consumer rebalance loop after a deploy, so we pinned the client library and added a canary stage to the pipeline.",
        "cache" => "We cached the product catalogue in Redis with cache-aside and a five minute TTL. Writes deleted the key through an outbox event, hot keys used request coalescing, and the hit ratio stayed around 94 percent while database load fell by two thirds.",
        "cache.f1" => "Invalidation happened on every product update: the writer published an event after commit and a small consumer deleted the affected keys. Versioned keys handled bulk imports, and the TTL remained a safety net when an event was lost.",
        _ => "During a flash sale hundreds of requests missed the same expired key at once and hammered Postgres. I added single-flight locking per key and jittered expiry, and the next sale peaked at three times the traffic with flat database CPU.",
    };

    [Fact]
    public void Build_EveryAnswerAtDepthFour_WeightsDimensionsToEighty()
    {
        var sut = Build(Interview(4.0));

        Assert.Equal([("depth", 8.0), ("api", 8.0), ("communication", 8.0)], sut.Dimensions.Select(d => (d.DimensionId, d.Score)));
        Assert.Equal(80, sut.CompositeScore);
        Assert.Equal(Recommendation.Yes, sut.Recommendation);
        Assert.Equal(100, sut.CoveragePercent);
    }

    [Fact]
    public void Build_DimensionsWithDifferentScores_CompositeIsTheWeightedSum()
    {
        // api depth 5, everything else depth 2: depth dimension = (5+2+2+2+2)/5*2 = 5.2; api = 10; specificity 3 everywhere = 6.
        var x = Interview(2.0, specificity: 3);
        var answers = x.Interview.Record.Answers.Select(a => a.QuestionId == "api" ? a with { Judgment = a.Judgment with { Depth = 5 } } : a).ToArray();
        var interview = x.Interview with { Record = x.Interview.Record with { Answers = answers } };

        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, interview, x.Transcript);

        Assert.Equal(5.2, sut.Dimensions.Single(d => d.DimensionId == "depth").Score);
        Assert.Equal(10, sut.Dimensions.Single(d => d.DimensionId == "api").Score);
        Assert.Equal(6, sut.Dimensions.Single(d => d.DimensionId == "communication").Score);
        Assert.Equal(67, sut.CompositeScore); // 60*0.52 + 30*1.0 + 10*0.6 = 31.2 + 30 + 6 = 67.2
    }

    [Theory]
    [InlineData(4.25, Recommendation.StrongYes)] // 85
    [InlineData(4.2, Recommendation.Yes)]        // 84
    [InlineData(3.5, Recommendation.Yes)]        // 70
    [InlineData(3.45, Recommendation.Maybe)]     // 69
    [InlineData(2.5, Recommendation.Maybe)]      // 50
    [InlineData(2.45, Recommendation.No)]        // 49
    public void Build_CompositeAtDefaultThresholds_MapsToRecommendation(double depth, Recommendation expected)
    {
        Assert.Equal(expected, Build(Interview(depth)).Recommendation);
    }

    [Fact]
    public void Build_CustomThresholds_AreHonoured()
    {
        var profile = SampleProfiles.Backend with { Recommendation = new RecommendationThresholds(95, 90, 80) };
        var x = Interview(4.25);

        Assert.Equal(Recommendation.Maybe, ScorecardBuilder.Build(profile, x.Interview, x.Transcript).Recommendation);
    }

    [Fact]
    public void Build_KnockedOut_ForcesNoAndZero()
    {
        var x = Interview(5.0, answered: [], status: InterviewStatus.KnockedOut);
        var interview = x.Interview with { Record = x.Interview.Record with { Knockouts = [new KnockoutResult("api-years", "2", false)] } };

        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, interview, x.Transcript);

        Assert.Equal(Recommendation.No, sut.Recommendation);
        Assert.Equal(0, sut.CompositeScore);
        Assert.False(Assert.Single(sut.Knockouts).Passed);
        Assert.Contains(sut.Risks, r => r.Contains("knockout requirement", StringComparison.Ordinal));
        Assert.StartsWith("A must-have requirement was not met. Please review", sut.SuggestedNextStep, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithdrawnAfterOneGreatAnswer_UnansweredCountAsZeroAndCapsAtMaybe()
    {
        var sut = Build(Interview(5.0, answered: ["api"], status: InterviewStatus.Withdrawn));

        Assert.Equal(2.0, sut.Dimensions.Single(d => d.DimensionId == "depth").Score); // 5*2 / 5 planned questions
        Assert.Equal(20, sut.CoveragePercent);
        Assert.True(sut.Recommendation <= Recommendation.Maybe);
        Assert.Contains(sut.Risks, r => r.Contains("not completed", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_QuoteNotInTheCandidatesWords_IsDropped()
    {
        var x = Interview(4.0, textFor: id => $"Answer about {id}. We kept the error budget at 0.1%.");
        var answers = x.Interview.Record.Answers.Select(a => a with { Judgment = a.Judgment with { EvidenceQuote = "words the candidate never said" } }).ToArray();
        var interview = x.Interview with { Record = x.Interview.Record with { Answers = answers } };

        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, interview, x.Transcript);

        Assert.Empty(sut.NotableQuotes);
        Assert.All(sut.Dimensions, d => Assert.Null(d.Quote));
    }

    [Fact]
    public void Build_Quotes_AreVerbatimFromTheTranscript()
    {
        var x = Interview(4.0);

        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript);

        Assert.NotEmpty(sut.NotableQuotes);
        Assert.All(sut.NotableQuotes, q => Assert.Contains(q.Text, x.Transcript.Single(t => t.QuestionId == q.QuestionId).Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Confidence_FollowsTheEvidence()
    {
        var varied = Build(Interview(4.0, textFor: Rich)).Confidence;
        var offline = Build(Interview(4.0, textFor: Rich, judgedBy: JudgeKind.Rubric)).Confidence;
        var shortAnswers = Build(Interview(4.0, textFor: id => $"Short {id}.")).Confidence;
        var identical = Build(Interview(4.0, textFor: _ => Rich("api"))).Confidence;
        var halfAnswered = Build(Interview(4.0, answered: ["api", "incident"], textFor: Rich, status: InterviewStatus.Withdrawn)).Confidence;

        Assert.True(varied >= 0.8, $"varied {varied}");
        Assert.True(offline < varied, $"offline {offline} vs {varied}");
        Assert.True(shortAnswers < 0.5, $"short {shortAnswers}");
        Assert.True(identical < 0.5, $"identical {identical}");
        Assert.True(halfAnswered < 0.5, $"half answered {halfAnswered}");
    }

    [Fact]
    public void Build_Confidence_IntegrityFlagsLowerIt()
    {
        var x = Interview(4.0, textFor: Rich);
        var flagged = x.Interview.Record.Answers
            .Select(a => a with { Judgment = a.Judgment with { RedFlags = [new RedFlag(RedFlag.PromptInjection, "Text addressed to the grader.")] } })
            .ToArray();

        var clean = Build(x);
        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview with { Record = x.Interview.Record with { Answers = flagged } }, x.Transcript);

        Assert.True(sut.Confidence < clean.Confidence - 0.3, $"{sut.Confidence} vs {clean.Confidence}");
        Assert.Equal(AllQuestions, sut.Integrity.Select(f => f.QuestionId));
        Assert.All(sut.Integrity, f => Assert.Equal(RedFlag.PromptInjection, f.Code));
    }

    [Fact]
    public void Build_PreferredSkillMentioned_AddsBonus()
    {
        var plain = Build(Interview(3.0));
        var withKafka = Build(Interview(3.0, textFor: id => id == "incident" ? IncidentText + " We moved the events to Kafka." : $"A long enough answer about {id} that does not mention streaming platforms at all, really."));

        Assert.Equal(0, plain.PreferredSkillBonus);
        Assert.Equal(2, withKafka.PreferredSkillBonus); // depth 3 -> 6/10 -> 1.5 points -> rounds to 2
        Assert.Equal("We moved the events to Kafka.", Assert.Single(withKafka.PreferredSkills).Evidence);
    }

    [Fact]
    public void Build_Competency_PassesOnASentenceShowingTheBehaviourInAnyAnswer()
    {
        var pass = Build(Interview(4.0));
        var noSignal = Build(Interview(4.0, textFor: id => $"A long answer about {id} with numbers like 40 ms but none of the words the competency looks for."));
        var shallow = Build(Interview(2.0));
        var elsewhere = Build(Interview(4.0, textFor: id => id == "cache.f2" ? IncidentText : Rich(id)));

        Assert.True(Assert.Single(pass.Competencies).Passed);
        Assert.Equal("I was on-call when the payments queue stalled.", pass.Competencies[0].Evidence);
        Assert.False(Assert.Single(noSignal.Competencies).Passed);
        Assert.True(Assert.Single(shallow.Competencies).Passed);
        Assert.Equal("I was on-call when the payments queue stalled.", Assert.Single(elsewhere.Competencies).Evidence);
        Assert.Contains(noSignal.Risks, r => r.StartsWith("No example yet of: owns incidents end to end", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(2.0, new[] { "incident" }, CompetencyLevel.Basic)]
    [InlineData(3.0, new[] { "incident" }, CompetencyLevel.Intermediate)]
    [InlineData(4.0, new[] { "incident" }, CompetencyLevel.Advanced)]
    [InlineData(3.0, new[] { "incident", "cache.f2" }, CompetencyLevel.Advanced)]
    [InlineData(4.5, new[] { "incident", "cache.f2" }, CompetencyLevel.Expert)]
    [InlineData(4.5, new[] { "cache.f1", "cache.f2" }, CompetencyLevel.Advanced)] // one deep-dive with its follow-ups is one question
    [InlineData(4.5, new string[0], CompetencyLevel.NotEvidenced)]
    public void Build_CompetencyLevel_FollowsTheDepthAndSpreadOfTheAnswersThatShowIt(double depth, string[] showing, CompetencyLevel expected)
    {
        // Each answer shows the behaviour in its own words: the same text twice would be flagged as a repeated answer.
        var showingText = new Dictionary<string, string>
        {
            ["incident"] = IncidentText,
            ["cache.f1"] = "I was on-call the night the cache cluster failed over, so I rebuilt the replica and warmed the hot keys.",
            ["cache.f2"] = "After the stampede I wrote the postmortem and we added jittered expiry to every hot key.",
        };
        var x = Interview(depth, textFor: id => showing.Contains(id) ? showingText[id] : $"An answer about {id} that is long enough to read like a real one, with p95 at 120 ms.");

        var line = Assert.Single(Build(x).Competencies);

        Assert.Equal(expected, line.Level);
        Assert.Equal(expected != CompetencyLevel.NotEvidenced, line.Passed);
        Assert.Equal(showing, line.EvidencedIn);
    }

    [Fact]
    public void Build_CompetencyOnlyMentioned_IsNoStrength()
    {
        var basic = Build(Interview(2.0));
        var advanced = Build(Interview(4.0));

        Assert.Equal(CompetencyLevel.Basic, basic.Competencies[0].Level);
        Assert.DoesNotContain(basic.Strengths, s => s.StartsWith("Owns incidents end to end", StringComparison.Ordinal));
        Assert.Contains(advanced.Strengths, s => s.StartsWith("Owns incidents end to end (Advanced)", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_RedFlags_MissingOnlyWhenNoPartMentionsItSaidWithItsQuote()
    {
        var stampede = new QuestionRedFlag("Does not mention stampedes", RedFlagTrigger.Missing, ["stampede*"]);
        var noTtl = new QuestionRedFlag("Would cache without expiry", RedFlagTrigger.Said, ["never expire*"]);
        var profile = SampleProfiles.Backend with { Blueprints = [SampleProfiles.Backend.Blueprints[0].WithRedFlags([stampede, noTtl])] };
        const string said = "I set the keys to never expire because the data rarely changes.";
        Scorecard Score(Func<string, RedFlagHit[]> hits)
        {
            var x = Interview(3.0, textFor: id => id == "cache.f1" ? $"{said} It was fine." : Rich(id));
            var answers = x.Interview.Record.Answers.Select(a => a with { Judgment = a.Judgment with { FlagsHit = hits(a.QuestionId) } }).ToArray();
            return ScorecardBuilder.Build(profile, x.Interview with { Record = x.Interview.Record with { Answers = answers } }, x.Transcript);
        }

        var everyPartMisses = Score(id => id.StartsWith("cache", StringComparison.Ordinal) ? [new RedFlagHit(stampede.Flag, null)] : []);
        var followUpMentionsIt = Score(id => id is "cache" or "cache.f1" ? [new RedFlagHit(stampede.Flag, null)] : []);
        var saidInFollowUp = Score(id => id == "cache.f1" ? [new RedFlagHit(noTtl.Flag, said)] : []);

        var missing = Assert.Single(everyPartMisses.RedFlags);
        Assert.Equal(("cache", stampede.Flag, true, (string?)null, "cache"), (missing.QuestionId, missing.Flag, missing.NotMentioned, missing.Quote, missing.Topic));
        Assert.Empty(followUpMentionsIt.RedFlags);
        var hit = Assert.Single(saidInFollowUp.RedFlags);
        Assert.Equal(("cache.f1", false, said), (hit.QuestionId, hit.NotMentioned, hit.Quote));
    }

    [Fact]
    public void Build_RedFlags_NoneForAQuestionNotAnswered()
    {
        var flag = new QuestionRedFlag("Does not mention stampedes", RedFlagTrigger.Missing, ["stampede*"]);
        var profile = SampleProfiles.Backend with { Blueprints = [SampleProfiles.Backend.Blueprints[0].WithRedFlags([flag])] };
        var x = Interview(3.0, answered: ["api", "incident"]);

        Assert.Empty(ScorecardBuilder.Build(profile, x.Interview, x.Transcript).RedFlags);
    }

    [Theory]
    [InlineData("We explained the plan to the product manager and support before the rollout.", true)]
    [InlineData("I walked our customers through the migration on a call.", true)]
    [InlineData("The API served 40 enterprise customers and our web app.", false)]
    [InlineData("I never explained the plan to the product manager.", false)]
    [InlineData("The product manager explained the plan to our customers.", false)]
    public void Build_Competency_NeedsTheBehaviourNotOneNoun(string sentence, bool passes)
    {
        var profile = SampleProfiles.Backend with
        {
            Competencies = [new Competency { Id = "communication", Statement = "Explains decisions to non-engineers", Signals = ["explained|walked|presented product|support|customer*|stakeholder*"] }],
        };
        var x = Interview(4.0, textFor: id => id == "api" ? $"{sentence} It took two weeks." : $"An answer about {id} that is long enough to read like a real one, with p95 at 120 ms.");

        var sut = ScorecardBuilder.Build(profile, x.Interview, x.Transcript);

        Assert.Equal(passes, Assert.Single(sut.Competencies).Passed);
        Assert.Equal(passes ? sentence : null, sut.Competencies[0].Evidence);
    }

    [Fact]
    public void Build_MustHaveCompetencyMissing_CapsStrongYesAtYes()
    {
        var sut = Build(Interview(5.0, textFor: id => $"An excellent long answer about {id}; we measured everything twice and shipped it."));

        Assert.Equal(100, sut.CompositeScore);
        Assert.Equal(Recommendation.Yes, sut.Recommendation);
    }

    [Fact]
    public void Build_BlueprintCoverage_CollectsCoveredAndMissingAreas()
    {
        var x = Interview(3.0);
        var answers = x.Interview.Record.Answers.Select(a => a.QuestionId switch
        {
            "cache" => a with { Judgment = a.Judgment with { AreasCovered = ["cache-aside"], AreasMissing = ["ttl"] } },
            "cache.f1" => a with { Judgment = a.Judgment with { AreasCovered = ["invalidation"] } },
            _ => a,
        }).ToArray();

        var sut = ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview with { Record = x.Interview.Record with { Answers = answers } }, x.Transcript);

        var cache = Assert.Single(sut.Blueprints);
        Assert.Equal(["cache-aside", "invalidation"], cache.Covered);
        Assert.Equal(["ttl", "stampede"], cache.Missing);
    }

    [Fact]
    public void Build_IsDeterministic()
    {
        var x = Interview(3.3);

        var a = ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript));
        var b = ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript));

        Assert.Equal(a, b);
    }

    [Fact]
    public void Build_FromManyThreadsAtOnce_MatchesSequentialRun()
    {
        // Scoring shares its question models process-wide (QuestionModelCache.Shared); a scorecard must not depend on
        // which other interviews are scored at the same time.
        var inputs = new[] { Interview(1.5), Interview(3.3), Interview(4.6) };
        var expected = inputs.Select(x => ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript))).ToArray();
        const int threads = 6;
        var results = new string[threads][];
        using var start = new Barrier(threads);
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            results[t] = [.. Enumerable.Range(0, inputs.Length).Select(i => inputs[(i + t) % inputs.Length])
                .Select(x => ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(ScorecardBuilder.Build(SampleProfiles.Backend, x.Interview, x.Transcript)))];
        })).ToArray();
        Array.ForEach(workers, w => w.Start());
        Array.ForEach(workers, w => w.Join());

        for (var t = 0; t < threads; t++)
        {
            for (var i = 0; i < inputs.Length; i++)
            {
                Assert.Equal(expected[(i + t) % inputs.Length], results[t][i]);
            }
        }
    }
}
