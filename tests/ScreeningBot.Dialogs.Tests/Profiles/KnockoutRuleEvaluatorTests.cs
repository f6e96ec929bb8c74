using System.Globalization;
using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Tests.Profiles;

public sealed class KnockoutRuleEvaluatorTests
{
    private static readonly DateOnly InterviewDate = new(2026, 1, 31);

    [Theory]
    [InlineData("no", false, true)]
    [InlineData("no", true, false)]
    [InlineData("yes", true, true)]
    [InlineData("yes", false, false)]
    public void Fails_YesNo_FailsOnlyOnTheRuleAnswer(string failIf, bool answer, bool fails)
    {
        Assert.Equal(fails, KnockoutRuleEvaluator.Fails(Rule(KnockoutAnswerType.YesNo, failIf), answer));
    }

    [Theory]
    [InlineData("< 3", "2.99", true)]
    [InlineData("< 3", "3", false)]
    [InlineData("<= 2", "2", true)]
    [InlineData("<= 2", "2.01", false)]
    [InlineData("> 10", "10", false)]
    [InlineData("> 10", "10.5", true)]
    [InlineData(">= 5", "5", true)]
    [InlineData(">= 5", "4.9", false)]
    [InlineData("== 0", "0", true)]
    [InlineData("== 0", "0.1", false)]
    [InlineData("!= 1", "1", false)]
    [InlineData("!= 1", "2", true)]
    [InlineData("> -1", "-1", false)]
    [InlineData("> -1", "-0.5", true)]
    public void Fails_Number_ComparesAtTheBoundary(string failIf, string answer, bool fails)
    {
        var value = decimal.Parse(answer, CultureInfo.InvariantCulture);

        Assert.Equal(fails, KnockoutRuleEvaluator.Fails(Rule(KnockoutAnswerType.Number, failIf), value));
    }

    [Theory]
    [InlineData("in [contract-only, either]", "either", true)]
    [InlineData("in [contract-only, either]", "permanent", false)]
    [InlineData("not in [permanent]", "permanent", false)]
    [InlineData("not in [permanent]", "either", true)]
    [InlineData("== contract-only", "contract-only", true)]
    [InlineData("== contract-only", "permanent", false)]
    [InlineData("!= permanent", "permanent", false)]
    [InlineData("!= permanent", "contract-only", true)]
    [InlineData("== contract-only", "Contract-Only", false)]
    public void Fails_Choice_MatchesChoiceValuesExactly(string failIf, string answer, bool fails)
    {
        Assert.Equal(fails, KnockoutRuleEvaluator.Fails(Rule(KnockoutAnswerType.Choice, failIf), answer));
    }

    [Theory]
    [InlineData("> +30d", "2026-03-02", false)]
    [InlineData("> +30d", "2026-03-03", true)]
    [InlineData("> +2w", "2026-02-14", false)]
    [InlineData("> +2w", "2026-02-15", true)]
    [InlineData("> +1m", "2026-02-28", false)]
    [InlineData("> +1m", "2026-03-01", true)]
    [InlineData(">= +1m", "2026-02-28", true)]
    [InlineData("< today", "2026-01-30", true)]
    [InlineData("< today", "2026-01-31", false)]
    [InlineData("<= -7d", "2026-01-24", true)]
    [InlineData("<= -7d", "2026-01-25", false)]
    [InlineData("== today", "2026-01-31", true)]
    [InlineData("!= today", "2026-01-31", false)]
    [InlineData("> 2027-01-31", "2027-01-31", false)]
    [InlineData("> 2027-01-31", "2027-02-01", true)]
    public void Fails_Date_ComparesWithInterviewDatePlusOffset(string failIf, string answer, bool fails)
    {
        var date = DateOnly.ParseExact(answer, "yyyy-MM-dd", CultureInfo.InvariantCulture);

        Assert.Equal(fails, KnockoutRuleEvaluator.Fails(Rule(KnockoutAnswerType.Date, failIf), date, InterviewDate));
    }

    [Fact]
    public void ReferenceDate_MonthOffsetFromMonthEnd_ClampsToLastDayOfMonth()
    {
        var rule = (DateRule)Rule(KnockoutAnswerType.Date, "> +1m");

        Assert.Equal(new DateOnly(2026, 2, 28), KnockoutRuleEvaluator.ReferenceDate(rule, InterviewDate));
    }

    [Fact]
    public void Fails_AnswerOfWrongType_ThrowsNamingTheRule()
    {
        var numberRule = Rule(KnockoutAnswerType.Number, "< 3");

        var e = Assert.Throws<ArgumentException>(() => KnockoutRuleEvaluator.Fails(numberRule, true));
        Assert.Equal("rule", e.ParamName);
        Assert.Throws<ArgumentException>(() => KnockoutRuleEvaluator.Fails(numberRule, "permanent"));
        Assert.Throws<ArgumentException>(() => KnockoutRuleEvaluator.Fails(numberRule, InterviewDate, InterviewDate));
        Assert.Throws<ArgumentException>(() => KnockoutRuleEvaluator.Fails(Rule(KnockoutAnswerType.YesNo, "no"), 4m));
    }

    [Fact]
    public void Fails_NullRule_Throws()
    {
        var e = Assert.Throws<ArgumentNullException>(() => KnockoutRuleEvaluator.Fails(null!, 4m));
        Assert.Equal("rule", e.ParamName);
    }

    private static KnockoutRule Rule(KnockoutAnswerType type, string text) =>
        KnockoutRuleParser.Parse(type, text).Rule ?? throw new InvalidOperationException($"'{text}' should parse");
}
