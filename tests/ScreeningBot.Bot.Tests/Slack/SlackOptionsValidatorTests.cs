using ScreeningBot.Bot.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

public sealed class SlackOptionsValidatorTests
{
    private static SlackOptionsValidator CreateSut() => new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var result = CreateSut().Validate(null, new SlackOptions());

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(new SlackOptions().IsConfigured);
    }

    [Fact]
    public void Validate_SecretAndToken_Succeed()
    {
        var result = CreateSut().Validate(null, new SlackOptions { SigningSecret = "abc", BotToken = "xoxb-1-2-3" });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnresolvedKeyVaultReference_FailsNamingTheSettingAndTheFix()
    {
        var result = CreateSut().Validate(null, new SlackOptions
        {
            SigningSecret = "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/SlackSigningSecret/)",
            BotToken = "xoxb-1",
        });

        Assert.True(result.Failed);
        Assert.Contains("Slack:SigningSecret is an unresolved Key Vault reference", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Key Vault Secrets User", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SecretWithoutToken_FailsSayingWhereTheTokenIs()
    {
        var result = CreateSut().Validate(null, new SlackOptions { SigningSecret = "abc" });

        Assert.True(result.Failed);
        Assert.Contains("Slack:BotToken is required when Slack:SigningSecret is set", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xoxp-user-token")]
    [InlineData("@Microsoft.KeyVault(VaultName=kv;SecretName=SlackBotToken)")]
    public void Validate_NotABotToken_Fails(string token)
    {
        var result = CreateSut().Validate(null, new SlackOptions { SigningSecret = "abc", BotToken = token });

        Assert.True(result.Failed);
        Assert.Contains("Slack:BotToken", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://slack.example.com/api/")]
    [InlineData("ftp://127.0.0.1/api/")]
    public void Validate_ApiBaseUrlNotHttpsOrLoopback_Fails(string url)
    {
        var result = CreateSut().Validate(null, new SlackOptions { ApiBaseUrl = new Uri(url) });

        Assert.True(result.Failed);
        Assert.Contains("Slack:ApiBaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserGroupHandleInsteadOfId_Fails()
    {
        var result = CreateSut().Validate(null, new SlackOptions { RecruiterUserGroup = "@recruiters" });

        Assert.True(result.Failed);
        Assert.Contains("S0123ABCD", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("T0123ABCD", null, true)]
    [InlineData("E0123ABCD", null, true)]
    [InlineData("my-workspace", null, false)]
    [InlineData(null, "A0123ABCD", true)]
    [InlineData(null, "screener", false)]
    public void Validate_WorkspaceAndAppIds_MustLookLikeSlackIds(string? teamId, string? appId, bool valid)
    {
        var options = new SlackOptions { AppId = appId ?? string.Empty };
        if (teamId is not null)
        {
            options.TeamIds.Add(teamId);
        }

        var result = CreateSut().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains(teamId is null ? "Slack:AppId" : "Slack:TeamIds", result.FailureMessage, StringComparison.Ordinal);
        }
    }
}
