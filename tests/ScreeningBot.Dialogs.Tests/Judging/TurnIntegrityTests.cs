using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Tests.Judging;

/// <summary>What no judge sees in one answer: typing speed from the channel's timestamps, and an answer given twice.</summary>
public sealed class TurnIntegrityTests
{
    private const string Incident = "I was on call when checkout latency spiked after a deploy at nine in the evening. I rolled the release back within six minutes, "
        + "paged the payments owner, and posted updates in the incident channel every twenty minutes. The root cause was a missing index on the new orders query, "
        + "so the follow-up added a migration check to the pipeline, a latency alert per endpoint and a load test that runs before every release.";

    private const string Cache = "We cached the product catalogue in Redis with cache-aside and a five minute expiry. Product updates published an event after commit, "
        + "and a small consumer deleted the affected keys.";

    [Fact]
    public void Screen_SixHundredCharactersOneMillisecondAfterTheQuestion_KeepsOnlyWhatCouldBeTypedAndFlagsIt()
    {
        var sut = TurnIntegrity.Screen(Incident, TimeSpan.FromMilliseconds(1), []);

        var flag = Assert.Single(sut.Flags);
        Assert.Equal(RedFlag.TypingSpeed, flag.Code);
        Assert.Contains($"The answer has {Incident.Length} characters but arrived 1 ms after the question", flag.Detail, StringComparison.Ordinal);
        Assert.True(sut.Genuine.Length <= TurnIntegrity.MaxCharsPerSecond * TurnIntegrity.ClockGrace.TotalSeconds, sut.Genuine);
        Assert.StartsWith(sut.Genuine.TrimEnd(), Incident, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(60)]
    [InlineData(600)]
    public void Screen_TimeEnoughToTypeIt_NothingFlagged(int seconds)
    {
        var sut = TurnIntegrity.Screen(Incident, TimeSpan.FromSeconds(seconds), []);

        Assert.Empty(sut.Flags);
        Assert.Equal(Incident, sut.Genuine);
    }

    [Fact]
    public void Screen_ShortAnswerSentAtOnce_NotCheckedForSpeed()
    {
        var sut = TurnIntegrity.Screen("Yes, with a feature flag.", TimeSpan.Zero, []);

        Assert.Empty(sut.Flags);
    }

    [Fact]
    public void Screen_NoTimestamp_NotCheckedForSpeed()
    {
        Assert.Empty(TurnIntegrity.Screen(Incident, null, []).Flags);
    }

    [Fact]
    public void Screen_SameAnswerAsAnEarlierQuestion_LeavesItOutAndNamesTheQuestion()
    {
        var earlier = TurnIntegrity.Screen(Incident, TimeSpan.FromMinutes(3), []);

        var sut = TurnIntegrity.Screen(Incident, TimeSpan.FromMinutes(3), [("reliability-improvement", earlier.Fingerprints)]);

        var flag = Assert.Single(sut.Flags);
        Assert.Equal(RedFlag.RepeatedAnswer, flag.Code);
        Assert.Contains("repeats what the candidate wrote for reliability-improvement (100% of its words)", flag.Detail, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(sut.Genuine), sut.Genuine);
    }

    [Fact]
    public void Screen_SameSentencesReorderedAndInflected_StillARepeat()
    {
        var earlier = TurnIntegrity.Screen("We rolled back the release within six minutes and paged the payments owner.", TimeSpan.FromMinutes(1), []);

        var sut = TurnIntegrity.Screen("The payments owner was paged and the release rolled back within six minutes.", TimeSpan.FromMinutes(1), [("q1", earlier.Fingerprints)]);

        Assert.Equal(RedFlag.RepeatedAnswer, Assert.Single(sut.Flags).Code);
    }

    [Fact]
    public void Screen_DifferentAnswerOnASimilarTopic_NotARepeat()
    {
        var earlier = TurnIntegrity.Screen(Incident, TimeSpan.FromMinutes(3), []);

        var sut = TurnIntegrity.Screen(Cache, TimeSpan.FromMinutes(3), [("reliability-improvement", earlier.Fingerprints)]);

        Assert.Empty(sut.Flags);
        Assert.Equal(Cache, sut.Genuine);
    }

    [Fact]
    public void Screen_OneRepeatedSentenceInANewAnswer_KeepsTheAnswer()
    {
        var earlier = TurnIntegrity.Screen(Incident, TimeSpan.FromMinutes(3), []);
        var answer = Cache + " I was on call when checkout latency spiked after a deploy at nine in the evening.";

        var sut = TurnIntegrity.Screen(answer, TimeSpan.FromMinutes(3), [("reliability-improvement", earlier.Fingerprints)]);

        Assert.Empty(sut.Flags);
    }
}
