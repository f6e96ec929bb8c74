using ScreeningBot.Bot.Judging;

namespace ScreeningBot.Bot.Tests.Judging;

/// <summary><see cref="ModelText"/>: how a model's text fields are folded, bounded and checked before anyone sees them.</summary>
public sealed class ModelTextTests
{
    [Theory]
    [InlineData("Owns\r\nincidents\tend  to end", "Owns incidents end to end")]
    [InlineData("  padded  ", "padded")]
    [InlineData("bell\u0007and\0null", "bell and null")]
    [InlineData("next\u0085line\u2028sep\u2029para", "next line sep para")]
    [InlineData("no\u00A0break", "no break")]
    public void OneLine_ControlCharactersAndBreaks_FoldToSingleSpaces(string text, string expected)
    {
        Assert.Equal(expected, ModelText.OneLine(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    [InlineData("\0\u0007\u001b")]
    public void OneLine_NothingVisible_IsNull(string? text)
    {
        Assert.Null(ModelText.OneLine(text));
        Assert.Null(ModelText.OneLine(text, 10));
    }

    [Fact]
    public void OneLine_LongerThanMax_CutWithAnEllipsis()
    {
        Assert.Equal("abc def…", ModelText.OneLine("abc def ghi", 8));
        Assert.Equal("abc def ghi", ModelText.OneLine("abc\ndef\nghi", 11));
    }

    [Fact]
    public void Cut_NeverSplitsASurrogatePair()
    {
        var text = "ab\U0001F600cd";

        Assert.Equal("ab", ModelText.Cut(text, 3));
        Assert.Equal("ab\U0001F600", ModelText.Cut(text, 4));
        Assert.Same(text, ModelText.Cut(text, 10));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("\u0007\u0008")]
    public void Fits_NothingVisible_IsEmpty(string? text)
    {
        Assert.False(ModelText.Fits(text, 100, ModelMarkup.Brackets, out var problem));
        Assert.Equal(ModelText.Empty, problem);
    }

    [Fact]
    public void Fits_TooLong_NamesTheLengthAndTheLimit()
    {
        Assert.False(ModelText.Fits(new string('a', 11), 10, ModelMarkup.ProfileText, out var problem));
        Assert.Equal("11 characters, more than 10", problem);
        Assert.True(ModelText.Fits(new string('a', 10), 10, ModelMarkup.ProfileText, out problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("Owns incidents end to end.", true, true, true)]
    [InlineData("See <b>this</b>.", false, false, false)]
    [InlineData("Details at https://example.test/x", false, false, false)]
    [InlineData("Run ```rm -rf``` now", false, false, false)]
    [InlineData("[click](http://x)", false, false, false)]
    [InlineData("Fail if < 5 years", false, false, true)]
    [InlineData("Options [a] or [b]", false, false, true)]
    [InlineData("A **bold** claim", true, false, true)]
    [InlineData("a | b table", true, false, true)]
    [InlineData("Ping <@U123> now", false, false, false)]
    [InlineData("Tell @here about it", true, true, false)]
    [InlineData("Use {{template}} syntax", false, false, false)]
    public void Fits_Markup_EachRuleRefusesWhatItsSurfaceWouldRender(string text, bool brackets, bool emphasis, bool profile)
    {
        Assert.Equal(brackets, ModelText.Fits(text, 200, ModelMarkup.Brackets, out var why1));
        Assert.Equal(emphasis, ModelText.Fits(text, 200, ModelMarkup.BracketsAndEmphasis, out var why2));
        Assert.Equal(profile, ModelText.Fits(text, 200, ModelMarkup.ProfileText, out var why3));
        Assert.All(new[] { (brackets, why1), (emphasis, why2), (profile, why3) }, r => Assert.Equal(r.Item1 ? null : ModelText.HoldsMarkup, r.Item2));
    }
}
