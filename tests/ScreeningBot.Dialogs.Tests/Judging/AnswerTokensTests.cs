using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Tests.Judging;

public sealed class AnswerTokensTests
{
    [Fact]
    public void ToTerm_SynonymsOfOneGroup_ShareOneTerm()
    {
        Assert.Equal(AnswerTokens.ToTerm("smallest").Term, AnswerTokens.ToTerm("minimum").Term);
        Assert.Equal(AnswerTokens.ToTerm("invoke").Term, AnswerTokens.ToTerm("calls").Term);
        Assert.NotEqual(AnswerTokens.ToTerm("minimum").Term, AnswerTokens.ToTerm("maximum").Term);
    }

    [Theory]
    [InlineData("APIs", "API")]
    [InlineData("URLs", "url")]
    [InlineData("DBs", "database")]
    public void Parse_AcronymPlural_SameTermAsSingular(string plural, string singular)
    {
        var expected = AnswerTokens.Parse(singular).Tokens[0].Term;

        var token = Assert.Single(AnswerTokens.Parse(plural).Tokens);

        Assert.Equal(expected, token.Term);
        Assert.True(token.IsAcronym);
    }

    [Fact]
    public void Parse_TechnicalText_KeepsCppCsharpDecimalsAndContractions()
    {
        var words = AnswerTokens.Parse("We don't use C++ or C#; p99 is 99.9 ms.").Tokens.Select(t => t.Word).ToArray();

        Assert.Equal(["we", "don't", "use", "c++", "or", "c#", "p99", "is", "99.9", "ms"], words);
    }

    [Fact]
    public void Parse_Sentences_SplitOnEndPunctuationAndNewlines()
    {
        const string text = "First one. Second one!\nThird, with 99.9 inside";

        var sentences = AnswerTokens.Parse(text).Sentences.Select(s => text[s.Start..s.End].Trim()).ToArray();

        Assert.Equal(["First one.", "Second one!", "Third, with 99.9 inside"], sentences);
    }
}
