using ScreeningBot.Dialogs.Conversation;
using ScreeningBot.Dialogs.Waterfall;
using ScreeningBot.Dialogs.Waterfall.Prompts;

namespace ScreeningBot.Dialogs.Tests.Waterfall.Prompts;

public sealed class PromptRecognizerTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("yes", true)]
    [InlineData("Yes!", true)]
    [InlineData("yeah", true)]
    [InlineData("  SURE  ", true)]
    [InlineData("Yes, I have the right to work here", true)]
    [InlineData("👍", true)]
    [InlineData("no", false)]
    [InlineData("Nope.", false)]
    [InlineData("No - not yet", false)]
    [InlineData("not really", false)]
    public void YesNo_CommonForms_Recognized(string text, bool expected)
    {
        var result = YesNoPrompt.Recognize(text);

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("")]
    [InlineData("it depends on the team")]
    public void YesNo_Unclear_FailsWithHelpfulMessage(string text)
    {
        var result = YesNoPrompt.Recognize(text);

        Assert.False(result.Succeeded);
        Assert.Contains("yes or no", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("4.5 years", 4.5)]
    [InlineData("about 6 years now", 6)]
    [InlineData("5+", 5)]
    [InlineData("3-4", 3)]
    [InlineData("four", 4)]
    [InlineData("Twenty five", 25)]
    [InlineData("five and a half years", 5.5)]
    [InlineData("a year", 1)]
    [InlineData("a couple of years", 2)]
    [InlineData("0", 0)]
    public void Number_DigitsWordsAndRanges_Recognized(string text, decimal expected)
    {
        var result = NumberPrompt.Recognize(text, 0, 100, "years");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("lots", "I need a number of years, like 4.")]
    [InlineData("-3", "That looks negative. I need a number of years, like 4.")]
    [InlineData("150", "I need a number between 0 and 100 years.")]
    public void Number_Invalid_ReasksWithHelpfulMessage(string text, string expected)
    {
        var result = NumberPrompt.Recognize(text, 0, 100, "years");

        Assert.False(result.Succeeded);
        Assert.Equal(expected, result.Error);
    }

    [Theory]
    [InlineData("full-time", "full-time")]
    [InlineData("Full time", "full-time")]
    [InlineData("2", "contract")]
    [InlineData("contract", "contract")]
    [InlineData("I'd prefer a contract", "contract")]
    public void Choice_ByValueTitlePositionOrWord_Recognized(string text, string expected)
    {
        IReadOnlyList<Choice> choices = [new("Full time", "full-time"), new("Contract", "contract"), new("Part time", "part-time")];

        var result = ChoicePrompt.Recognize(text, choices);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData("time")]
    [InlineData("7")]
    [InlineData("")]
    public void Choice_AmbiguousOrUnknown_ListsTheOptions(string text)
    {
        IReadOnlyList<Choice> choices = [new("Full time", "full-time"), new("Part time", "part-time")];

        var result = ChoicePrompt.Recognize(text, choices);

        Assert.False(result.Succeeded);
        Assert.Equal("Please pick one of: 1. Full time, 2. Part time (type the number or the option).", result.Error);
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-01")]
    [InlineData("immediately", "2026-11-23")]
    [InlineData("ASAP", "2026-11-23")]
    [InlineData("tomorrow", "2026-11-24")]
    [InlineData("in 2 weeks", "2026-12-07")]
    [InlineData("one month notice", "2026-12-23")]
    [InlineData("3 months", "2027-02-23")]
    [InlineData("next month", "2026-12-23")]
    [InlineData("1 December 2026", "2026-12-01")]
    [InlineData("Dec 1st", "2026-12-01")]
    [InlineData("15 January", "2027-01-15")]
    [InlineData("25/12/2026", "2026-12-25")]
    public void Date_IsoWrittenAndRelative_Recognized(string text, string expected)
    {
        var result = DatePrompt.Recognize(text, Today);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Fact]
    public void Date_AmbiguousSlashDate_AsksForAnUnambiguousForm()
    {
        var result = DatePrompt.Recognize("03/04/2027", Today);

        Assert.False(result.Succeeded);
        Assert.Contains("could be read two ways", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("whenever")]
    [InlineData("31/02/2027")]
    public void Date_Unrecognized_Fails(string text)
    {
        Assert.False(DatePrompt.Recognize(text, Today).Succeeded);
    }

    [Theory]
    [InlineData("skip", true)]
    [InlineData("I don't know.", true)]
    [InlineData("pass", true)]
    [InlineData("I would skip the cache here and go to the database", false)]
    public void Text_SkipPhrases_MarkedSkippedOnlyWhenTheWholeMessage(string text, bool skipped)
    {
        var result = TextPrompt.Recognize(text);

        Assert.True(result.Succeeded);
        Assert.Equal(skipped, result.Value!.Skipped);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \u200B ")]
    public void Text_Empty_Fails(string text)
    {
        Assert.False(TextPrompt.Recognize(text).Succeeded);
    }

    [Fact]
    public void Recognize_ButtonClick_UsesTheActionValueOverTypedText()
    {
        var prompt = new PromptSpec { Type = PromptType.YesNo, Text = "Agree?", Choices = [new("Yes", "yes"), new("No", "no")] };

        var result = PromptRecognizer.Recognize(prompt, new IncomingMessage("", null, "no"), Today);

        Assert.True(result.Succeeded);
        Assert.False(result.Value!.YesNo);
        Assert.Equal("no", result.Value.Normalized);
    }
}
