using ScreeningBot.Bot.Playground;

namespace ScreeningBot.Bot.Tests.Playground;

public sealed class PlaygroundOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var sut = new PlaygroundOptionsValidator();

        Assert.True(sut.Validate(null, new PlaygroundOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BoundsOutOfRange_NameEverySettingAndItsRange()
    {
        var sut = new PlaygroundOptionsValidator();

        var result = sut.Validate(null, new PlaygroundOptions { MaxBodyBytes = 10, MaxConversations = 1, MaxActivitiesPerConversation = 0, MaxStoredBytes = 1 });

        Assert.True(result.Failed);
        Assert.Contains("MaxBodyBytes must be between 1024 and 4194304", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxConversations must be between 2 and 10000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxActivitiesPerConversation must be between 1 and 100000", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("MaxStoredBytes must be between 65536 and 1073741824", result.FailureMessage, StringComparison.Ordinal);
    }
}
