using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using ScreeningBot.Bot.InterviewLinks;

namespace ScreeningBot.Bot.Tests.InterviewLinks;

public sealed class InterviewLinkTokensTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly InterviewLink Link = new(InterviewLinkIds.NewLinkId(), InterviewLinkIds.CandidateIdFor("jane@example.com"), Now.AddDays(7));
    private readonly FakeTimeProvider _time = new(Now);

    private InterviewLinkTokens CreateSut(string key = "a-signing-key-of-at-least-32-characters!", string? baseUrl = "https://screening.example.com/") =>
        new(Options.Create(new InterviewLinkOptions { BaseUrl = baseUrl, SigningKey = key }), _time);

    [Fact]
    public void Check_TokenItMade_GivesBackTheLink()
    {
        var sut = CreateSut();

        var token = sut.Create(Link);
        var check = sut.Check(token);

        Assert.Equal(LinkTokenStatus.Valid, check.Status);
        Assert.Equal(Link, check.Link);
        Assert.Matches(@"^lk-[a-z2-7]{20}\.lc-[a-z2-7]{16}\.\d{10}\.[A-Za-z0-9_-]{43}$", token);
        Assert.Equal($"https://screening.example.com/interview/{token}", sut.UrlFor(token));
    }

    [Fact]
    public void Check_AnyCharacterChanged_IsInvalid()
    {
        var sut = CreateSut();
        var token = sut.Create(Link);

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'b' ? 'c' : 'b') + token[(i + 1)..];

            Assert.True(sut.Check(changed) == LinkTokenCheck.Invalid, $"changing character {i} of {token} gave {sut.Check(changed)}");
        }
    }

    [Fact]
    public void Check_OtherFieldsWithTheSameSignature_IsInvalid()
    {
        var sut = CreateSut();
        var signature = sut.Create(Link).Split('.')[3];
        var other = sut.Create(Link with { LinkId = InterviewLinkIds.NewLinkId() }).Split('.');

        Assert.Equal(LinkTokenStatus.Invalid, sut.Check($"{other[0]}.{other[1]}.{other[2]}.{signature}").Status);
        Assert.Equal(LinkTokenStatus.Invalid, sut.Check(sut.Create(Link) + ".extra").Status);
    }

    [Fact]
    public void Check_SignedWithAnotherKey_IsInvalid()
    {
        var token = CreateSut(key: "another-signing-key-of-32-characters-or-more").Create(Link);

        Assert.Equal(LinkTokenCheck.Invalid, CreateSut().Check(token));
    }

    [Fact]
    public void Check_AtAndAfterExpiry_IsExpiredButStillNamesTheLink()
    {
        var sut = CreateSut();
        var token = sut.Create(Link);

        _time.SetUtcNow(Link.ExpiresAt.AddSeconds(-1));
        Assert.Equal(LinkTokenStatus.Valid, sut.Check(token).Status);
        _time.SetUtcNow(Link.ExpiresAt);
        Assert.Equal(LinkTokenStatus.Expired, sut.Check(token).Status);
        _time.Advance(TimeSpan.FromDays(400));
        Assert.Equal(new LinkTokenCheck(LinkTokenStatus.Expired, Link), sut.Check(token));
    }

    [Fact]
    public void Create_ExpiryWithMilliseconds_RoundsUpSoTheLinkNeverClosesBeforeTheInterview()
    {
        var sut = CreateSut();

        var token = sut.Create(Link with { ExpiresAt = Link.ExpiresAt.AddMilliseconds(1) });

        Assert.Equal(Link.ExpiresAt.AddSeconds(1), sut.Check(token).Link!.ExpiresAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("lk-aaaaaaaaaaaaaaaaaaaa")]
    [InlineData("lk-aaaaaaaaaaaaaaaaaaaa.lc-aaaaaaaaaaaaaaaa.12.")]
    [InlineData("lk-AAAAAAAAAAAAAAAAAAAA.lc-aaaaaaaaaaaaaaaa.1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("lk-aaaaaaaaaaaaaaaaaaaa.lc-aaaaaaaaaaaaaaaa.-1800000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("lk-aaaaaaaaaaaaaaaaaaaa.lc-aaaaaaaaaaaaaaaa.99999999999999.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Check_NotAToken_IsInvalid(string? token)
    {
        Assert.Equal(LinkTokenCheck.Invalid, CreateSut().Check(token));
    }

    [Fact]
    public void Check_VeryLongInput_IsInvalidWithoutBeingRead()
    {
        var sut = CreateSut();

        Assert.Equal(LinkTokenCheck.Invalid, sut.Check(sut.Create(Link) + new string('a', InterviewLinkTokens.MaxTokenLength)));
    }

    [Fact]
    public void LinksOff_NothingIsValidAndNothingCanBeMade()
    {
        var on = CreateSut().Create(Link);
        var sut = CreateSut(baseUrl: null);

        Assert.False(sut.Enabled);
        Assert.Equal(LinkTokenCheck.Invalid, sut.Check(on));
        Assert.Throws<InvalidOperationException>(() => sut.Create(Link));
    }

    [Fact]
    public void Create_IdsNotMadeByInterviewLinkIds_AreRefused()
    {
        var sut = CreateSut();

        var e = Assert.Throws<ArgumentException>(() => sut.Create(Link with { CandidateId = "U0123ABCD" }));
        Assert.Equal("link", e.ParamName);
    }

    [Fact]
    public void CandidateIdFor_SameAddress_IsTheSameIdAndHidesTheAddress()
    {
        var id = InterviewLinkIds.CandidateIdFor("jane@example.com");

        Assert.Equal(id, LinkCandidates.CandidateIdOf(" Jane@Example.COM "));
        Assert.NotEqual(id, LinkCandidates.CandidateIdOf("jane@example.org"));
        Assert.True(InterviewLinkIds.IsCandidateId(id));
        Assert.DoesNotContain("jane", id, StringComparison.Ordinal);
        Assert.NotEqual(InterviewLinkIds.NewCandidateId(), InterviewLinkIds.NewCandidateId());
    }

    [Theory]
    [InlineData("jane.doe@example.com", "Jane Doe")]
    [InlineData("jane@example.com", "Jane")]
    [InlineData("j.smith-jones+jobs@example.com", "Smith Jones Jobs")]
    [InlineData("jd2024@example.com", "jd2024")]
    public void NameFromEmail_MakesWordsOfTheLocalPart(string email, string expected)
    {
        Assert.Equal(expected, LinkCandidates.NameFromEmail(email));
    }

    [Theory]
    [InlineData("Jane <jane@example.com>")]
    [InlineData("jane@example")]
    [InlineData("jane@@example.com")]
    [InlineData("jane doe@example.com")]
    [InlineData("jane@example.com,bob@example.com")]
    [InlineData("@example.com")]
    public void NormalizeEmail_NotOnePlainAddress_IsNull(string text)
    {
        Assert.Null(LinkCandidates.NormalizeEmail(text));
    }

    [Fact]
    public void CleanName_DropsControlAndFormatCharactersAndBoundsTheLength()
    {
        Assert.Equal("Jane Doe", LinkCandidates.CleanName(" Jane\t\u200B\u0007 Doe\n"));
        Assert.Null(LinkCandidates.CleanName(new string('a', LinkCandidates.MaxNameLength + 1)));
        Assert.Null(LinkCandidates.CleanName("\u200B"));
    }
}
