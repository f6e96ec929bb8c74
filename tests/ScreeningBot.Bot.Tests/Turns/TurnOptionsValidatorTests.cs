using ScreeningBot.Bot.Turns;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.Turns;

public sealed class TurnOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = new TurnOptionsValidator().Validate(null, new TurnOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(0, 1, "MaxPendingTurns")]
    [InlineData(1, 0, "MaxConcurrentTurns")]
    public void Validate_LimitBelowOne_NamesTheSetting(int pending, int concurrent, string expected)
    {
        var result = new TurnOptionsValidator().Validate(null, new TurnOptions { MaxPendingTurns = pending, MaxConcurrentTurns = concurrent });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_InvalidTurnsSection_FailsWithTheSettingToFix()
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["Turns:DeduplicationWindow"] = "00:00:01" });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains("DeduplicationWindow", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_InvalidInterviewSetting_IsCheckedAsPartOfTheScreeningSection()
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["Screening:InterviewExpiryDays"] = "0" });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains("InterviewExpiryDays", e.ToString(), StringComparison.Ordinal);
    }
}
