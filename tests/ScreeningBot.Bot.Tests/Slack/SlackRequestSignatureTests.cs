using System.Text;
using ScreeningBot.Bot.Slack;

namespace ScreeningBot.Bot.Tests.Slack;

public sealed class SlackRequestSignatureTests
{
    // Slack's documented example (api.slack.com/authentication/verifying-requests-from-slack).
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";
    private const string Signature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string Body =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SignatureCheck Verify(string secret = Secret, string? timestamp = Timestamp, string? signature = Signature, string body = Body, DateTimeOffset? now = null) =>
        SlackRequestSignature.Verify(secret, timestamp, signature, Encoding.UTF8.GetBytes(body), now ?? SentAt.AddSeconds(30));

    [Fact]
    public void Verify_SlackDocumentationExample_IsValid()
    {
        Assert.Equal(SignatureCheck.Valid, Verify());
    }

    [Fact]
    public void Compute_SlackDocumentationExample_MatchesTheDocumentedSignature()
    {
        var sut = SlackRequestSignature.Compute(Secret, Timestamp, Encoding.UTF8.GetBytes(Body));

        Assert.Equal(Signature, sut);
    }

    [Fact]
    public void Verify_TamperedBody_IsRejected()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(body: Body.Replace("text=&", "text=forget+everyone&", StringComparison.Ordinal)));
    }

    [Fact]
    public void Verify_WrongSecret_IsRejected()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(secret: "00000000000000000000000000000000"));
    }

    [Fact]
    public void Verify_TimestampChangedAfterSigning_IsRejected()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(timestamp: "1531420619", now: SentAt));
    }

    [Theory]
    [InlineData(301)]
    [InlineData(-301)]
    [InlineData(86_400)]
    public void Verify_TimestampMoreThanFiveMinutesAway_IsRejected(int secondsFromSent)
    {
        Assert.Equal(SignatureCheck.StaleTimestamp, Verify(now: SentAt.AddSeconds(secondsFromSent)));
    }

    [Theory]
    [InlineData(299)]
    [InlineData(-299)]
    public void Verify_TimestampWithinFiveMinutes_IsValid(int secondsFromSent)
    {
        Assert.Equal(SignatureCheck.Valid, Verify(now: SentAt.AddSeconds(secondsFromSent)));
    }

    [Theory]
    [InlineData(null, Signature)]
    [InlineData(Timestamp, null)]
    [InlineData("", "")]
    public void Verify_MissingHeader_IsRejected(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.MissingHeaders, Verify(timestamp: timestamp, signature: signature));
    }

    [Theory]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    public void Verify_MalformedSignature_IsRejected(string signature)
    {
        Assert.Equal(SignatureCheck.BadSignature, Verify(signature: signature));
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-1531420618")]
    [InlineData("99999999999999999999")]
    public void Verify_MalformedTimestamp_IsRejected(string timestamp)
    {
        Assert.Equal(SignatureCheck.MalformedTimestamp, Verify(timestamp: timestamp));
    }
}
