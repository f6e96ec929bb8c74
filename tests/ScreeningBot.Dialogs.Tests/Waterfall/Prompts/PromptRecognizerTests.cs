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

    // Today (2026-11-23) is a Monday.
    [Theory]
    [InlineData("today", "2026-11-23")]
    [InlineData("the day after tomorrow", "2026-11-25")]
    [InlineData("next Monday", "2026-11-30")]
    [InlineData("next monday", "2026-11-30")]
    [InlineData("Friday", "2026-11-27")]
    [InlineData("this Friday", "2026-11-27")]
    [InlineData("on Wednesday", "2026-11-25")]
    [InlineData("Friday next week", "2026-12-04")]
    [InlineData("in 10 days", "2026-12-03")]
    [InlineData("in 3 weeks", "2026-12-14")]
    [InlineData("in 2 months", "2027-01-23")]
    [InlineData("in a year", "2027-11-23")]
    [InlineData("end of the month", "2026-11-30")]
    [InlineData("end of month", "2026-11-30")]
    [InlineData("at the end of next month", "2026-12-31")]
    [InlineData("start of next month", "2026-12-01")]
    [InlineData("beginning of January", "2027-01-01")]
    [InlineData("mid March", "2027-03-15")]
    [InlineData("end of February", "2027-02-28")]
    [InlineData("early November", "2026-11-23")]
    [InlineData("the 3rd of March", "2027-03-03")]
    [InlineData("I can start from 1 February 2027", "2027-02-01")]
    public void Date_RelativeEnglish_Recognized(string text, string expected)
    {
        var result = DatePrompt.Recognize(text, Today);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), result.Value);
    }

    [Fact]
    public void Date_FromNextMonday_IsRead()
    {
        // "from next Monday" on a Monday is the Monday a week on, like "next Monday".
        Assert.Equal(new DateOnly(2026, 11, 30), DatePrompt.Recognize("from next Monday", Today).Value);
    }

    [Fact]
    public void Date_NotUnderstood_ExamplesAreComputedFromToday()
    {
        var result = DatePrompt.Recognize("whenever", new DateOnly(2031, 5, 6));

        Assert.Equal("I need a date, like 2031-06-17, \"17 June\", \"next Monday\" or \"in 6 weeks\".", result.Error);
    }

    [Fact]
    public void Date_AmbiguousSlashDate_ShowsBothReadingsOfTheCandidatesOwnDate()
    {
        var result = DatePrompt.Recognize("03/04/2027", Today);

        Assert.Equal("\"03/04/2027\" could be read two ways (3 April 2027 or 4 March 2027). Please write the month as a word, like 3 April 2027, or use 2027-04-03.", result.Error);
    }

    [Theory]
    [InlineData("1", "yes")]
    [InlineData("2", "no")]
    [InlineData("[2]", "no")]
    [InlineData("2.", "no")]
    public void Recognize_YesNoWithButtons_TypedOptionNumberPicksTheButton(string typed, string expected)
    {
        var prompt = new PromptSpec { Type = PromptType.YesNo, Text = "Agree?", Choices = [new("Yes", "yes"), new("No", "no")] };

        var result = PromptRecognizer.Recognize(prompt, new IncomingMessage(typed, null), Today);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(expected, result.Value!.Normalized);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("0")]
    public void Recognize_YesNoWithButtons_NumberOutOfRangeIsNotAnAnswer(string typed)
    {
        var prompt = new PromptSpec { Type = PromptType.YesNo, Text = "Agree?", Choices = [new("Yes", "yes"), new("No", "no")] };

        Assert.False(PromptRecognizer.Recognize(prompt, new IncomingMessage(typed, null), Today).Succeeded);
    }

    [Theory]
    [InlineData("no idea")]
    [InlineData("not sure")]
    [InlineData("skip")]
    public void YesNo_SkipPhrases_AreNotAnswers(string text)
    {
        Assert.False(YesNoPrompt.Recognize(text).Succeeded);
    }
}
