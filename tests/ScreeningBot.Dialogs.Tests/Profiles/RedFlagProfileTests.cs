using ScreeningBot.Dialogs.Profiles;
using static ScreeningBot.Dialogs.Tests.Profiles.ProfileYaml;

namespace ScreeningBot.Dialogs.Tests.Profiles;

/// <summary><c>redFlags:</c> on custom questions, blueprints and bank references: read, bounded, and errors with file and line.</summary>
public sealed class RedFlagProfileTests
{
    private const string QuestionAnchor = "    dimensions: [depth]\n    followUps:\n      - probes";

    /// <summary>The valid profile with <paramref name="redFlags"/> (YAML lines under <c>redFlags:</c>) on its custom question.</summary>
    private static string WithQuestionFlags(string redFlags) =>
        Valid.Replace(QuestionAnchor, "    dimensions: [depth]\n    redFlags:\n" + redFlags + "    followUps:\n      - probes");

    [Fact]
    public void Parse_RedFlagsOnACustomQuestion_AreReadWithTheirTrigger()
    {
        var profile = Parse(WithQuestionFlags("      - flag: Does not mention tests\n        ifMissing: [test*, \"unit test*\"]\n      - flag: Skips code review\n        ifSaid: [\"skip|skipped review*\"]\n")).Profile!;

        var flags = profile.CustomQuestions[0].RedFlags;
        Assert.Equal(
            [("Does not mention tests", RedFlagTrigger.Missing), ("Skips code review", RedFlagTrigger.Said)],
            flags.Select(f => (f.Flag, f.When)));
        Assert.Equal(["test*", "unit test*"], flags[0].Signals);
    }

    [Fact]
    public void Parse_RedFlagsOnABlueprint_AreGivenToItsFollowUps()
    {
        var yaml = Valid.Replace("    skills: [databases]\n", "    skills: [databases]\n    redFlags:\n      - flag: Does not mention invalidation\n        ifMissing: [invalidat*, ttl]\n");

        var blueprint = Parse(yaml).Profile!.Blueprints[0];

        Assert.Equal("Does not mention invalidation", Assert.Single(blueprint.RedFlags).Flag);
        Assert.All(blueprint.FollowUps, f => Assert.Equal(blueprint.RedFlags, f.RedFlags));
    }

    [Fact]
    public void Parse_RedFlagsOnABankReference_ReplaceTheBankEntrysAndReachItsFollowUps()
    {
        var yaml = Valid.Replace("blueprints:\n  - id: caching", "blueprints:\n  - ref: api-versioning\n    dimensions: [depth]\n    redFlags:\n      - flag: Does not mention versioning\n        ifMissing: [version*, deprecat*]\n  - id: caching");

        var result = Parse(yaml, LoadBank());

        Assert.True(result.Errors.Count == 0, string.Join("\n", result.Errors));
        var blueprint = result.Profile!.Blueprints.Single(b => b.BankId == "api-versioning");
        Assert.Equal("Does not mention versioning", Assert.Single(blueprint.RedFlags).Flag);
        Assert.All(blueprint.FollowUps, f => Assert.Single(f.RedFlags));
    }

    [Theory]
    [InlineData("        ifMissing: [test*]\n        ifSaid: [\"skip|skipped review*\"]\n", "has both ifMissing and ifSaid")]
    [InlineData("", "has neither ifMissing nor ifSaid")]
    public void Parse_RedFlagWithoutExactlyOneTrigger_IsAnErrorAtItsLine(string triggers, string message)
    {
        var yaml = WithQuestionFlags("      - flag: Something\n" + triggers);

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].redFlags[0]", error.Field);
        Assert.Equal(message, error.Message);
        Assert.Equal(FileName, error.File);
        Assert.Equal(LineOf(yaml, triggers.Length > 0 ? "ifSaid:" : "- flag: Something"), error.Line);
    }

    [Fact]
    public void Parse_SaidFlagWithASingleWord_IsRefusedBecauseAnyMentionWouldHitIt()
    {
        var yaml = WithQuestionFlags("      - flag: Mentions mocks\n        ifSaid: [mocks]\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].redFlags[0].ifSaid[0]", error.Field);
        Assert.Equal(LineOf(yaml, "ifSaid: [mocks]"), error.Line);
        Assert.Contains("single word", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidSignalUnknownFieldAndTooManyFlags_AreEachReported()
    {
        var seven = string.Concat(Enumerable.Range(1, 7).Select(i => $"      - flag: Flag {i}\n        ifMissing: [word{i}]\n"));
        var tooMany = WithQuestionFlags(seven);
        var badSignal = WithQuestionFlags("      - flag: Odd\n        ifMissing: [\"\\\"unclosed\"]\n");
        var unknown = WithQuestionFlags("      - flag: Odd\n        ifMising: [word]\n");

        Assert.Contains(Parse(tooMany).Errors, e => e.Field == "customQuestions[0].redFlags" && e.Message.Contains('6'));
        Assert.Contains(Parse(badSignal).Errors, e => e.Field == "customQuestions[0].redFlags[0].ifMissing[0]");
        Assert.Contains(Parse(unknown).Errors, e => e.Field.StartsWith("customQuestions[0].redFlags[0]", StringComparison.Ordinal) && e.Message.Contains("ifMising", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SameFlagTwice_IsReportedOnTheSecond()
    {
        var yaml = WithQuestionFlags("      - flag: Same\n        ifMissing: [a1]\n      - flag: same\n        ifMissing: [b1]\n");

        var error = SingleError(Parse(yaml));

        Assert.Equal("customQuestions[0].redFlags[1].flag", error.Field);
        Assert.Equal(LineOf(yaml, "- flag: same"), error.Line);
    }
}
