using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Testing;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

public sealed class InterviewLinkOptionsValidatorTests
{
    private static readonly string Key = new('k', Bot.Hosting.SignedLinkSettings.MinimumKeyLength);

    [Theory]
    [InlineData(null, null)]
    [InlineData("https://screening.example.com", "k")]
    [InlineData("http://localhost:3978", "k")]
    [InlineData("http://127.0.0.1:3978/", "k")]
    public void Validate_OffOrProperlySet_Succeeds(string? baseUrl, string? key)
    {
        var result = new InterviewLinkOptionsValidator().Validate(null, new InterviewLinkOptions { BaseUrl = baseUrl, SigningKey = key is null ? null : Key });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("http://screening.example.com", "must be https")]
    [InlineData("screening.example.com", "is not an absolute URL")]
    [InlineData("https://screening.example.com/?x=1", "is not an absolute URL without query")]
    public void Validate_BadBaseUrl_SaysWhatToSet(string baseUrl, string expected)
    {
        var result = new InterviewLinkOptionsValidator().Validate(null, new InterviewLinkOptions { BaseUrl = baseUrl, SigningKey = Key });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("InterviewLinks:BaseUrl", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("short")]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/InterviewLinkSigningKey/)")]
    public void Validate_LinksOnWithoutAKey_NamesTheSetting(string? key)
    {
        var result = new InterviewLinkOptionsValidator().Validate(null, new InterviewLinkOptions { BaseUrl = "https://screening.example.com", SigningKey = key });

        Assert.True(result.Failed);
        Assert.Contains("InterviewLinks__SigningKey", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 48", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bot_BaseUrlWithoutKey_DoesNotStart()
    {
        await using var factory = new BotAppFactory(new Dictionary<string, string?> { ["InterviewLinks:BaseUrl"] = "https://screening.example.com" });

        var e = Assert.ThrowsAny<Exception>(() => factory.BaseAddress);

        Assert.Contains("InterviewLinks:SigningKey", e.ToString(), StringComparison.Ordinal);
    }
}
