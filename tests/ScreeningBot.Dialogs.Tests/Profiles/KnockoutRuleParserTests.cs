using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Tests.Profiles;

public sealed class KnockoutRuleParserTests
{
    private static readonly ChoiceOption[] Choices = [new("permanent", "Permanent"), new("contract-only", "Contract only"), new("either", "Either")];

    [Theory]
    [InlineData("yes", true)]
    [InlineData("no", false)]
    [InlineData(" NO ", false)]
    [InlineData("Yes", true)]
    public void Parse_YesNo_FailsWhenAnswerEqualsRule(string text, bool failWhen)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.YesNo, text);

        Assert.Equal(new YesNoRule(failWhen), result.Rule);
    }

    [Theory]
    [InlineData("< 3")]
    [InlineData("true")]
    [InlineData("y")]
    [InlineData("in [yes]")]
    public void Parse_YesNoWithOtherRule_SaysItIsNotAYesNoRule(string text)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.YesNo, text);

        Assert.False(result.Succeeded);
        Assert.Equal($"\"{text}\" is not a rule for a yes/no answer", result.Problem);
        Assert.Contains("\"yes\" or \"no\"", result.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("< 3", ComparisonOperator.LessThan, "3")]
    [InlineData("<= 2", ComparisonOperator.LessThanOrEqual, "2")]
    [InlineData("> 10", ComparisonOperator.GreaterThan, "10")]
    [InlineData(">= 5", ComparisonOperator.GreaterThanOrEqual, "5")]
    [InlineData("== 0", ComparisonOperator.Equal, "0")]
    [InlineData("!= 1", ComparisonOperator.NotEqual, "1")]
    [InlineData("<3", ComparisonOperator.LessThan, "3")]
    [InlineData(">=   2.5", ComparisonOperator.GreaterThanOrEqual, "2.5")]
    [InlineData("> -1", ComparisonOperator.GreaterThan, "-1")]
    public void Parse_NumberComparison_ReadsOperatorAndThreshold(string text, ComparisonOperator op, string threshold)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Number, text);

        Assert.Equal(new NumberRule(op, decimal.Parse(threshold, System.Globalization.CultureInfo.InvariantCulture)), result.Rule);
    }

    [Theory]
    [InlineData("<< 3")]
    [InlineData("3")]
    [InlineData("< three")]
    [InlineData("=< 3")]
    [InlineData("< 3 years")]
    [InlineData("= 3")]
    [InlineData("< 3,5")]
    [InlineData("yes")]
    public void Parse_NumberWithBadComparison_ExplainsWithExample(string text)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Number, text);

        Assert.False(result.Succeeded);
        Assert.Equal($"\"{text}\" is not a rule for a number answer", result.Problem);
        Assert.Equal("write a comparison such as \"< 3\" or \">= 5\"", result.Fix);
    }

    [Theory]
    [InlineData("in [contract-only, either]", true, new[] { "contract-only", "either" })]
    [InlineData("in [contract-only]", true, new[] { "contract-only" })]
    [InlineData("not in [permanent]", false, new[] { "permanent" })]
    [InlineData("not   in [permanent,either]", false, new[] { "permanent", "either" })]
    [InlineData("== contract-only", true, new[] { "contract-only" })]
    [InlineData("!= permanent", false, new[] { "permanent" })]
    public void Parse_ChoiceRule_ReadsValuesAndPolarity(string text, bool failWhenIn, string[] values)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, text, Choices);

        var rule = Assert.IsType<ChoiceRule>(result.Rule);
        Assert.Equal(failWhenIn, rule.FailWhenIn);
        Assert.Equal(values, rule.Values);
    }

    [Theory]
    [InlineData("in []", "lists no choice values")]
    [InlineData("in [permanent,,either]", "has an empty value between commas")]
    [InlineData("in [permanent, permanent]", "lists \"permanent\" twice")]
    [InlineData("< 3", "is not a rule for a choice answer")]
    [InlineData("in permanent", "is not a rule for a choice answer")]
    [InlineData("contains permanent", "is not a rule for a choice answer")]
    public void Parse_MalformedChoiceRule_SaysWhatIsWrong(string text, string problem)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, text, Choices);

        Assert.False(result.Succeeded);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChoiceValueNotAmongChoices_SuggestsTheClosestValue()
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, "in [contract-onyl]", Choices);

        Assert.False(result.Succeeded);
        Assert.Equal("\"in [contract-onyl]\" names \"contract-onyl\", which is not one of the choices' values", result.Problem);
        Assert.Equal("did you mean \"contract-only\"? Use the choices' values: permanent, contract-only, either", result.Fix);
    }

    [Fact]
    public void Parse_ChoiceWithoutChoicesList_AcceptsAnyValue()
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, "== anything");

        Assert.Equal(["anything"], Assert.IsType<ChoiceRule>(result.Rule).Values);
    }

    [Theory]
    [InlineData("> +30d", ComparisonOperator.GreaterThan, 30, 0)]
    [InlineData("> +2w", ComparisonOperator.GreaterThan, 14, 0)]
    [InlineData("> +1m", ComparisonOperator.GreaterThan, 0, 1)]
    [InlineData(">= +3M", ComparisonOperator.GreaterThanOrEqual, 0, 3)]
    [InlineData("< today", ComparisonOperator.LessThan, 0, 0)]
    [InlineData("<= -7d", ComparisonOperator.LessThanOrEqual, -7, 0)]
    [InlineData("== today", ComparisonOperator.Equal, 0, 0)]
    [InlineData("!= +1d", ComparisonOperator.NotEqual, 1, 0)]
    public void Parse_RelativeDate_ReadsOffsetFromInterviewDate(string text, ComparisonOperator op, int days, int months)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Date, text);

        Assert.Equal(new DateRule(op, null, days, months), result.Rule);
    }

    [Fact]
    public void Parse_AbsoluteDate_ReadsIsoDate()
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Date, "> 2027-01-31");

        Assert.Equal(new DateRule(ComparisonOperator.GreaterThan, new DateOnly(2027, 1, 31), 0, 0), result.Rule);
    }

    [Theory]
    [InlineData("soon", "is not a rule for a date answer")]
    [InlineData("> +30y", "is not a rule for a date answer")]
    [InlineData("> 30d", "is not a rule for a date answer")]
    [InlineData("after 2027-01-31", "is not a rule for a date answer")]
    [InlineData("> 31/01/2027", "is not a rule for a date answer")]
    [InlineData("> 2027-02-30", "\"2027-02-30\" in \"> 2027-02-30\" is not a real date")]
    public void Parse_BadDateRule_SaysWhatIsWrong(string text, string problem)
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Date, text);

        Assert.False(result.Succeeded);
        Assert.Contains(problem, result.Problem, StringComparison.Ordinal);
        Assert.NotEmpty(result.Fix);
    }

    [Theory]
    [InlineData(KnockoutAnswerType.YesNo)]
    [InlineData(KnockoutAnswerType.Number)]
    [InlineData(KnockoutAnswerType.Choice)]
    [InlineData(KnockoutAnswerType.Date)]
    public void Parse_EmptyOrNull_SaysFailIfIsEmpty(KnockoutAnswerType type)
    {
        Assert.Equal("failIf is empty", KnockoutRuleParser.Parse(type, "  ").Problem);
        Assert.Equal("failIf is empty", KnockoutRuleParser.Parse(type, null).Problem);
    }

    [Fact]
    public void Parse_OverlongRule_IsRefusedWithTheLimit()
    {
        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, "in [" + string.Join(", ", Enumerable.Repeat("value", 60)) + "]");

        Assert.False(result.Succeeded);
        Assert.Contains($"the limit is {KnockoutRuleParser.MaxLength}", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MoreChoiceValuesThanAllowed_IsRefused()
    {
        var values = string.Join(",", Enumerable.Range(0, KnockoutRuleParser.MaxChoiceValues + 1).Select(i => $"v{i}"));

        var result = KnockoutRuleParser.Parse(KnockoutAnswerType.Choice, $"in [{values}]");

        Assert.Contains($"the limit is {KnockoutRuleParser.MaxChoiceValues}", result.Problem, StringComparison.Ordinal);
    }
}
