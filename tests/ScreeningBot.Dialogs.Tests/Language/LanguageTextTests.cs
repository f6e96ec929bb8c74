using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Dialogs.Tests.Language;

public sealed class LanguageTextTests
{
    [Fact]
    public void Sentences_SplitsAtStopsAndLineBreaksButNotInsideNumbersOrAbbreviations()
    {
        var sut = LanguageText.Sentences("We cut p99 from 3.5 s to 0.8 s, e.g. by batching. Then we stopped!\nNext line? Yes");

        Assert.Equal(["We cut p99 from 3.5 s to 0.8 s, e.g. by batching.", "Then we stopped!", "Next line?", "Yes"], sut);
    }

    [Fact]
    public void Tokens_ContractionsInProseAndPreSplit_GiveTheSameWords()
    {
        var prose = LanguageText.Tokens("I don't know, it's fine.").Select(t => (t.Lower, t.Kind));
        var split = LanguageText.Tokens("I do n't know , it 's fine .").Select(t => (t.Lower, t.Kind));

        Assert.Equal(split, prose);
        Assert.Contains(("n't", TokenKind.Clitic), prose);
    }

    [Fact]
    public void Tokens_NumbersHyphensAndEmoji_AreNotWords()
    {
        var sut = LanguageText.Tokens("A well-known 3.5x speed-up 🚀");

        Assert.Equal(["a", "well", "known", "speed", "up"], sut.Where(t => t.Kind == TokenKind.Word).Select(t => t.Lower));
        Assert.Contains(sut, t => t.Kind == TokenKind.Number && t.Text == "3.5x");
        Assert.Contains(sut, t => t.Kind == TokenKind.Symbol && t.Text == "🚀");
    }
}
