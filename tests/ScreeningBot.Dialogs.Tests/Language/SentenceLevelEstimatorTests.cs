using System.Text;
using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Dialogs.Tests.Language;

public sealed class SentenceLevelEstimatorTests
{
    private static readonly SentenceLevelEstimator Sut = SentenceLevelEstimator.Default;

    [Fact]
    public void Estimate_PlainSentence_IsBelowAnAcademicOne()
    {
        var plain = Sut.Estimate("He died in Paris on 9 May 2019 at the age of 93.");
        var academic = Sut.Estimate("Notwithstanding its ostensible simplicity, the doctrine engendered considerable jurisprudential controversy among contemporaneous commentators.");

        Assert.InRange(plain, 1, 2.5);
        Assert.InRange(academic, 4.5, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("!!!")]
    [InlineData("👍")]
    [InlineData("zzzzzz qqqqq")]
    public void Estimate_AnyText_StaysOnTheScale(string text)
    {
        Assert.InRange(Sut.Estimate(text), 1, 6);
    }

    [Fact]
    public void Estimate_ProseAndTheEvaluationSetsTokenisation_Agree()
    {
        Assert.Equal(Sut.Estimate("I don't think it's ready, because the tests fail."), Sut.Estimate("I do n't think it 's ready , because the tests fail ."));
    }

    [Fact]
    public void Estimate_SameSentence_SameLevel()
    {
        const string sentence = "The committee postponed its decision until the auditors had reviewed the accounts.";

        Assert.Equal(Sut.Estimate(sentence), Sut.Estimate(sentence));
    }

    [Fact]
    public void WordList_HasTheShippedWordsWithTheirFrequencies()
    {
        var sut = WordFrequencyList.English;

        Assert.Equal(50_000, sut.Count);
        Assert.Equal(3, sut.Rank("the"));
        Assert.InRange(sut.Zipf("the"), 7, 7.6);
        Assert.InRange(sut.Zipf("database"), 2.5, 4.5);
        Assert.Equal(WordFrequencyList.UnknownZipf, sut.Zipf("qwzxv"));
        Assert.Null(sut.Rank("qwzxv"));
    }

    [Fact]
    public void Model_Embedded_NamesTheFeaturesItWasFittedOn()
    {
        Assert.Contains("train + dev", CefrModel.Embedded.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ModelFittedOnOtherFeatures_IsRejectedWithTheFix()
    {
        var json = """{"description":"x","features":["words"],"base":3,"learningRate":0.1,"trees":[]}""";

        var e = Assert.Throws<InvalidDataException>(() => CefrModel.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));

        Assert.Contains("refit", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TreePointingOutsideItself_IsRejected()
    {
        var names = string.Join(",", SentenceFeatures.Names.Select(n => $"\"{n}\""));
        var json = $$"""{"description":"x","features":[{{names}}],"base":3,"learningRate":0.1,"trees":[{"feature":[0],"threshold":[1],"left":[5],"right":[6],"value":[0]}]}""";

        Assert.Throws<InvalidDataException>(() => CefrModel.Parse(new MemoryStream(Encoding.UTF8.GetBytes(json))));
    }

    [Fact]
    public void Parse_NotJson_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => CefrModel.Parse(new MemoryStream("{not json"u8.ToArray())));
    }
}
