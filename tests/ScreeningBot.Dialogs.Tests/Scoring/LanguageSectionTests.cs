using ScreeningBot.Dialogs.Judging;
using ScreeningBot.Dialogs.Language;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Scoring;
using ScreeningBot.Dialogs.Screening;
using ScreeningBot.Dialogs.Tests.Language;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Scoring;

public sealed class LanguageSectionTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static readonly Profile English = SampleProfiles.Backend with
    {
        Id = "sample-english",
        LanguageAssessment = new LanguageAssessment
        {
            Language = "en",
            TargetLevel = CefrLevel.B2,
            Questions = ["Tell us about a decision you would make differently today.", "How do you explain a technical risk to a non-technical manager?"],
        },
    };

    /// <summary>A finished interview whose language answers are <paramref name="language"/> and whose other answers are <paramref name="rest"/>.</summary>
    private static Scorecard Build(Profile profile, string[] language, string rest = LanguageSamples.Fluent, CefrLevel? llmLevel = null)
    {
        var screen = new FinishedScreen(Start);
        void Answer(string id, QuestionKind kind, Phase phase, string text)
        {
            var judgment = Judgment.Create(3, 3, judgedBy: llmLevel is null ? JudgeKind.Rubric : JudgeKind.Llm) with
            {
                LanguageLevel = kind == QuestionKind.Language ? llmLevel : null,
            };
            screen.Answer(id, kind, phase, text, judgment);
        }

        Answer("api", QuestionKind.Custom, Phase.CustomQuestions, rest);
        Answer("incident", QuestionKind.Custom, Phase.CustomQuestions, LanguageSamples.SimpleB1);
        for (var i = 0; i < language.Length; i++)
        {
            Answer(LanguagePhase.QuestionId(i + 1), QuestionKind.Language, Phase.LanguageAssessment, language[i]);
        }

        return ScorecardBuilder.Build(profile, screen.Interview(profile.Id, TimeSpan.FromMinutes(40)), screen.Transcript);
    }

    [Fact]
    public void Build_FluentEnglishAnswers_AssessesOfflineAgainstTheTarget()
    {
        var sut = Build(English, [LanguageSamples.Fluent, LanguageSamples.ConciseC1]).Language!;

        Assert.True(sut.Assessed);
        Assert.Equal(LanguageEstimateSource.Offline, sut.Source);
        Assert.Equal("English", sut.Language);
        Assert.Equal(sut.Offline!.Label, sut.EstimatedLevel);
        Assert.True(sut.Offline.Level >= CefrLevel.B2, sut.EstimatedLevel);
        Assert.True(sut.MeetsTarget);
        Assert.Equal($"assessed {sut.EstimatedLevel}, required B2", sut.Headline);
        Assert.Contains("sentences the candidate wrote", sut.Method, StringComparison.Ordinal);
        Assert.InRange(sut.Confidence, 0.3, 0.9);
    }

    [Fact]
    public void Build_RestOfTheInterview_IsAssessedApart()
    {
        var sut = Build(English, [LanguageSamples.BrokenEnglish], rest: LanguageSamples.Fluent).Language!;

        Assert.True(sut.Offline!.Level <= CefrLevel.B1);
        Assert.False(sut.MeetsTarget);
        Assert.Equal(LanguageVerdict.Assessed, sut.RestOfInterview!.Verdict);
        Assert.True(sut.RestOfInterview.Score > sut.Offline.Score);
    }

    [Fact]
    public void Build_WordSalad_IsNotAssessedAndTheRiskSaysSo()
    {
        var scorecard = Build(English, [LanguageSamples.WordSalad, LanguageSamples.Keywords]);
        var sut = scorecard.Language!;

        Assert.False(sut.Assessed);
        Assert.False(sut.MeetsTarget);
        Assert.Equal("not assessable", sut.EstimatedLevel);
        Assert.Equal("not assessable, required B2", sut.Headline);
        Assert.Contains("English not assessed (not assessable); required B2", scorecard.Risks);
    }

    [Fact]
    public void Build_OneWordAnswer_IsNotEnoughToAssess()
    {
        var sut = Build(English, ["Yes"]).Language!;

        Assert.Equal("not enough to assess", sut.EstimatedLevel);
        Assert.False(sut.MeetsTarget);
    }

    [Fact]
    public void Build_BelowTarget_AddsTheRisk()
    {
        var scorecard = Build(English, [LanguageSamples.BrokenEnglish]);

        Assert.Contains(scorecard.Risks, r => r.StartsWith("English assessed ", StringComparison.Ordinal) && r.EndsWith("below the B2 required", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_LlmRatedTheLanguageAnswers_ShowsItsLevelAndKeepsTheOfflineOne()
    {
        var sut = Build(English, [LanguageSamples.Fluent, LanguageSamples.ConciseC1], llmLevel: CefrLevel.C1).Language!;

        Assert.Equal(LanguageEstimateSource.Llm, sut.Source);
        Assert.Equal("C1", sut.EstimatedLevel);
        Assert.True(sut.MeetsTarget);
        Assert.Equal(LanguageVerdict.Assessed, sut.Offline!.Verdict);
        Assert.Contains("LLM judge", sut.SourceLabel, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_LlmRatedWordSalad_TheOfflineRefusalWins()
    {
        var sut = Build(English, [LanguageSamples.WordSalad], llmLevel: CefrLevel.C2).Language!;

        Assert.Equal(LanguageEstimateSource.Offline, sut.Source);
        Assert.False(sut.Assessed);
        Assert.False(sut.MeetsTarget);
    }

    [Fact]
    public void Build_GermanTargetOffline_SaysTheOfflineEstimateReadsEnglishOnly()
    {
        var sut = Build(SampleProfiles.WithLanguage, [LanguageSamples.German]).Language!;

        Assert.False(sut.Assessed);
        Assert.Null(sut.RestOfInterview);
        Assert.Contains(sut.Offline!.Notes, n => n.Contains("English only", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_GermanTargetRatedByTheLlm_ShowsTheLlmLevel()
    {
        var sut = Build(SampleProfiles.WithLanguage, [LanguageSamples.German], llmLevel: CefrLevel.B2).Language!;

        Assert.Equal(LanguageEstimateSource.Llm, sut.Source);
        Assert.Equal("German", sut.Language);
        Assert.Equal("assessed B2, required B2", sut.Headline);
    }

    [Fact]
    public void Build_ScorecardWithLanguage_RoundTripsThroughJson()
    {
        var scorecard = Build(English, [LanguageSamples.Fluent]);

        var json = ScreeningBot.Dialogs.Serialization.DialogsJson.Serialize(scorecard);

        var back = ScreeningBot.Dialogs.Serialization.DialogsJson.Deserialize<Scorecard>(json).Language!;

        Assert.DoesNotContain("\"headline\"", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(scorecard.Language!.Headline, back.Headline);
        Assert.Equal(scorecard.Language.Offline!.Score, back.Offline!.Score);
        Assert.Equal(scorecard.Language.RestOfInterview!.Label, back.RestOfInterview!.Label);
    }
}
