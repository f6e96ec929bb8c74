using System.Web;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.Reports;

namespace ScreeningBot.Bot.Tests.Reports;

public sealed class ReportLinksTests
{
    private const string Key = "a-test-signing-key-that-is-long-enough-1234";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private ReportLinks CreateSut(string? baseUrl = "https://bot.example.com/", string key = Key) =>
        new(Options.Create(new ReportOptions { BaseUrl = baseUrl, SigningKey = key, LinkDays = 30 }), _time);

    private static (string Id, string Expires, string Sig) Parse(string link)
    {
        var uri = new Uri(link);
        var query = HttpUtility.ParseQueryString(uri.Query);
        return (Uri.UnescapeDataString(uri.AbsolutePath["/reports/".Length..]), query["expires"]!, query["sig"]!);
    }

    [Fact]
    public void Create_ThenCheck_IsValidUntilItExpires()
    {
        var sut = CreateSut();
        var (id, expires, sig) = Parse(sut.Create("iv-abcdefghijklmnopqrst")!);

        Assert.Equal("iv-abcdefghijklmnopqrst", id);
        Assert.Equal(LinkCheck.Valid, sut.Check(id, expires, sig));
        _time.Advance(TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1));
        Assert.Equal(LinkCheck.Valid, sut.Check(id, expires, sig));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(LinkCheck.Expired, sut.Check(id, expires, sig));
    }

    [Fact]
    public void Check_TamperedIdExpiryOrSignature_IsInvalid()
    {
        var sut = CreateSut();
        var (id, expires, sig) = Parse(sut.Create("iv-abcdefghijklmnopqrst")!);

        Assert.Equal(LinkCheck.Invalid, sut.Check("iv-bbbbbbbbbbbbbbbbbbbb", expires, sig));
        Assert.Equal(LinkCheck.Invalid, sut.Check(id, (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 86_400).ToString(System.Globalization.CultureInfo.InvariantCulture), sig));
        Assert.Equal(LinkCheck.Invalid, sut.Check(id, expires, sig[..^1] + (sig[^1] == 'A' ? 'B' : 'A')));
        Assert.Equal(LinkCheck.Invalid, sut.Check(id, "soon", sig));
        Assert.Equal(LinkCheck.Invalid, sut.Check(id, expires, null));
    }

    [Fact]
    public void Check_LinkSignedWithAnotherKey_IsInvalid()
    {
        var (id, expires, sig) = Parse(CreateSut(key: "another-signing-key-that-is-long-enough-00").Create("iv-abcdefghijklmnopqrst")!);

        Assert.Equal(LinkCheck.Invalid, CreateSut().Check(id, expires, sig));
    }

    [Fact]
    public void Create_WithoutBaseUrl_GivesNoLink()
    {
        Assert.Null(CreateSut(baseUrl: null).Create("iv-abcdefghijklmnopqrst"));
    }

    [Theory]
    [InlineData("https://bot.example.com", Key, true)]
    [InlineData("http://localhost:3978", Key, true)]
    [InlineData("http://bot.example.com", Key, false)]
    [InlineData("https://bot.example.com", "short", false)]
    [InlineData("https://bot.example.com", "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/x)", false)]
    [InlineData(null, null, true)]
    [InlineData("", "", true)]
    [InlineData("bot.example.com", Key, false)]
    public void Validator_RequiresHttpsAndAStrongKeyWhenLinksAreOn(string? baseUrl, string? key, bool valid)
    {
        var result = new ReportOptionsValidator().Validate(null, new ReportOptions { BaseUrl = baseUrl, SigningKey = key });

        Assert.Equal(valid, result.Succeeded);
    }
}
