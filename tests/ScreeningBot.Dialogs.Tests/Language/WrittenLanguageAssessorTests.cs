using ScreeningBot.Dialogs.Language;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Tests.Language;

public sealed class WrittenLanguageAssessorTests
{
    private static WrittenLanguageLevel Assess(params string[] answers) => WrittenLanguageAssessor.Assess(answers.Select(a => new WrittenAnswer(a)));

    [Fact]
    public void Assess_WordSalad_IsNotAssessableAndSaysSo()
    {
        var sut = Assess(LanguageSamples.WordSalad);

        Assert.Equal(LanguageVerdict.NotAssessable, sut.Verdict);
        Assert.Null(sut.Level);
        Assert.Equal("not assessable", sut.Label);
        Assert.Contains(sut.Notes, n => n.Contains("word salad", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_BrokenEnglish_IsAtMostB1AndNamesTheSlips()
    {
        var sut = Assess(LanguageSamples.BrokenEnglish);

        Assert.Equal(LanguageVerdict.Assessed, sut.Verdict);
        Assert.True(sut.Level <= CefrLevel.B1, $"broken English rated {sut.Label}");
        Assert.True(sut.Slips >= 5, $"{sut.Slips} slips found");
        Assert.Contains(sut.Notes, n => n.Contains("grammar slips", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_ConciseCorrectC1Answer_IsC1WithLowConfidence()
    {
        var sut = Assess(LanguageSamples.ConciseC1);

        Assert.Equal(CefrLevel.C1, sut.Level);
        Assert.Equal(0, sut.Slips);
        Assert.True(sut.Confidence < 0.3, $"confidence {sut.Confidence} for {sut.Words} words");
    }

    [Fact]
    public void Assess_SimpleCorrectSentences_RateBelowAFluentAnswer()
    {
        var simple = Assess(LanguageSamples.SimpleB1);
        var fluent = Assess(LanguageSamples.Fluent);

        Assert.InRange(simple.Level!.Value, CefrLevel.A2, CefrLevel.B1);
        Assert.InRange(fluent.Level!.Value, CefrLevel.B2, CefrLevel.C1);
        Assert.True(fluent.Score > simple.Score + 0.8, $"fluent {fluent.Score}, simple {simple.Score}");
    }

    [Fact]
    public void Assess_MoreText_RaisesConfidence()
    {
        var little = Assess(LanguageSamples.ConciseC1);
        var more = Assess(LanguageSamples.ConciseC1, LanguageSamples.Fluent, LanguageSamples.SimpleB1);

        Assert.True(more.Confidence > little.Confidence + 0.3, $"{little.Confidence} → {more.Confidence}");
        Assert.True(more.Words > 100);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("   \n ", "empty")]
    [InlineData("Yes", "one word")]
    [InlineData("👍🚀🔥", "no words")]
    [InlineData("42 !!! ???", "no words")]
    [InlineData(LanguageSamples.Mixed, "mixes English with another language")]
    [InlineData(LanguageSamples.German, "not written in English")]
    [InlineData("I agree.", "words of English")]
    public void Assess_TooLittleOrMixed_IsNotEnoughToAssess(string answer, string note)
    {
        var sut = Assess(answer);

        Assert.Equal(LanguageVerdict.NotEnoughToAssess, sut.Verdict);
        Assert.Null(sut.Level);
        Assert.Null(sut.Score);
        Assert.Equal("not enough to assess", sut.Label);
        Assert.Contains(sut.Notes, n => n.Contains(note, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(LanguageSamples.Gibberish, "gibberish")]
    [InlineData(LanguageSamples.Keywords, "keywords")]
    public void Assess_GibberishOrKeywords_IsNotAssessable(string answer, string note)
    {
        var sut = Assess(answer);

        Assert.Equal(LanguageVerdict.NotAssessable, sut.Verdict);
        Assert.Contains(sut.Notes, n => n.Contains(note, StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_AnswerCopyingTheQuestion_IsNotAssessable()
    {
        const string question = "Tell us about a technical decision you disagreed with, how you raised it and what happened in the end.";

        var sut = WrittenLanguageAssessor.Assess([new WrittenAnswer(question + " Thank you.", question)]);

        Assert.Equal(LanguageVerdict.NotAssessable, sut.Verdict);
        Assert.Contains(sut.Notes, n => n.Contains("copies the question", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_SecondAnswerRepeatsTheFirst_IsLeftOutAndNoted()
    {
        var once = Assess(LanguageSamples.Fluent);

        var sut = Assess(LanguageSamples.Fluent, LanguageSamples.Fluent);

        Assert.Equal(once.Words, sut.Words);
        Assert.Contains(sut.Notes, n => n.StartsWith("answer 2: repeats an earlier answer", StringComparison.Ordinal));
        Assert.True(sut.Confidence < once.Confidence);
    }

    [Fact]
    public void Assess_GoodAnswerBesideKeywords_AssessesOnlyTheSentences()
    {
        var sut = Assess(LanguageSamples.Keywords, LanguageSamples.Fluent);

        Assert.Equal(LanguageVerdict.Assessed, sut.Verdict);
        Assert.Equal(Assess(LanguageSamples.Fluent).Score, sut.Score);
        Assert.Contains(sut.Notes, n => n.StartsWith("answer 1: a list of keywords", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_VeryLongAnswer_ReadsOnlyItsBoundedStart()
    {
        var text = string.Concat(Enumerable.Range(1, 3000).Select(i => $"In sprint {i} we shipped feature number {i} and measured its latency carefully. "));

        var sut = Assess(text);

        Assert.Equal(LanguageVerdict.Assessed, sut.Verdict);
        Assert.InRange(sut.Words, 1000, LanguageText.MaxCharacters / 5);
    }

    [Theory]
    [InlineData(4.0, "B2")]
    [InlineData(4.3, "B2+")]
    [InlineData(3.6, "B2")]
    [InlineData(5.24, "C1")]
    [InlineData(1.0, "A1")]
    public void Label_Score_NamesTheBandAndItsUpperHalf(double score, string label)
    {
        var sut = new WrittenLanguageLevel { Verdict = LanguageVerdict.Assessed, Score = score, Level = WrittenLanguageLevel.Nearest(score) };

        Assert.Equal(label, sut.Label);
    }
}
