using ScreeningBot.Bot.BotFramework;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.BotFramework;

public sealed class BotFrameworkOptionsValidatorTests
{
    [Fact]
    public void Validate_NoAppId_IsLocalDevelopmentAndValid()
    {
        var sut = new BotFrameworkOptionsValidator();

        var result = sut.Validate(null, new BotFrameworkOptions());

        Assert.True(result.Succeeded);
        Assert.False(new BotFrameworkOptions().AuthenticationEnabled);
    }

    [Theory]
    [InlineData("app", null, "tenant", "SingleTenant", "MicrosoftAppPassword is empty")]
    [InlineData("app", "secret", null, "SingleTenant", "MicrosoftAppTenantId is empty")]
    [InlineData("app", "secret", null, null, "MicrosoftAppTenantId is empty")]
    [InlineData("app", "secret", "tenant", "UserAssignedMSI", "MicrosoftAppType 'UserAssignedMSI' is not supported")]
    public void Validate_IncompleteRegistration_SaysWhichKeyToSet(string appId, string? password, string? tenant, string? type, string expected)
    {
        var sut = new BotFrameworkOptionsValidator();

        var result = sut.Validate(null, new BotFrameworkOptions { MicrosoftAppId = appId, MicrosoftAppPassword = password, MicrosoftAppTenantId = tenant, MicrosoftAppType = type });

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MultiTenantWithoutTenant_IsValid()
    {
        var sut = new BotFrameworkOptionsValidator();

        var result = sut.Validate(null, new BotFrameworkOptions { MicrosoftAppId = "app", MicrosoftAppPassword = "secret", MicrosoftAppType = "MultiTenant" });

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_BodyLimitOutOfRange_NamesTheSetting()
    {
        var sut = new BotFrameworkOptionsValidator();

        var result = sut.Validate(null, new BotFrameworkOptions { MaxBodyBytes = 10 });

        Assert.False(result.Succeeded);
        Assert.Contains("MaxBodyBytes", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_AppIdWithoutPassword_FailsWithAClearMessage()
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["MicrosoftAppId"] = "0b6e4d2a-7c1f-4a55-9f3e-5d2c8a1b9e70", ["MicrosoftAppTenantId"] = "t" });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains("MicrosoftAppPassword is empty", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExposedAddresses_LoopbackOnly_AllowsRunningWithoutAuthentication()
    {
        Assert.Empty(BotFrameworkStartupCheck.ExposedAddresses(["http://127.0.0.1:3978", "http://localhost:3978", "http://[::1]:5000"]));
    }

    [Fact]
    public void ExposedAddresses_AnyInterfaceOrLanAddress_AreReported()
    {
        var exposed = BotFrameworkStartupCheck.ExposedAddresses(["http://0.0.0.0:80", "http://*:8080", "http://+:3978", "http://10.1.2.3:80", "http://[::]:80", "http://localhost:1"]);

        Assert.Equal(["http://0.0.0.0:80", "http://*:8080", "http://+:3978", "http://10.1.2.3:80", "http://[::]:80"], exposed);
    }
}
