using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The signed, expiring token in an interview link, <c>{BaseUrl}/interview/{link id}.{candidate id}.{expires}.{signature}</c>:
/// the signature is HMAC-SHA256 over the three fields with <see cref="InterviewLinkOptions.SigningKey"/>, so a token cannot be
/// forged, extended, or pointed at another interview or candidate. One link is one conversation with one interview; revoking
/// it is cancelling that interview (<c>cancel</c>) or forgetting the candidate. Thread-safe.
/// </summary>
internal sealed class InterviewLinkTokens(IOptions<InterviewLinkOptions> options, TimeProvider time)
{
    /// <summary>Longer input is not looked at: a real token is about 100 characters.</summary>
    public const int MaxTokenLength = 160;

    private const int SignatureLength = 43; // 32 bytes, base64url without padding

    public bool Enabled => options.Value.Enabled;

    /// <summary>A token for <paramref name="link"/>; links must be on (<see cref="Enabled"/>).</summary>
    public string Create(InterviewLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!Enabled)
        {
            throw new InvalidOperationException("Interview links are off (InterviewLinks:BaseUrl is empty); check Enabled first.");
        }

        if (!InterviewLinkIds.IsLinkId(link.LinkId) || !InterviewLinkIds.IsCandidateId(link.CandidateId))
        {
            throw new ArgumentException("The link and candidate ids must be ones InterviewLinkIds made.", nameof(link));
        }

        // Rounded up to the second, so the link never closes before the interview does.
        var expires = (link.ExpiresAt.ToUnixTimeMilliseconds() + 999) / 1000;
        return string.Create(CultureInfo.InvariantCulture, $"{link.LinkId}.{link.CandidateId}.{expires}.{Sign(link.LinkId, link.CandidateId, expires)}");
    }

    /// <summary>The address a candidate opens: <c>{BaseUrl}/interview/{token}</c>.</summary>
    public string UrlFor(string token)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        return $"{options.Value.BaseUrl!.TrimEnd('/')}/interview/{token}";
    }

    /// <summary>Reads and checks a token: signature first, so only a genuine token is ever told apart as expired.</summary>
    public LinkTokenCheck Check(string? token)
    {
        if (!Enabled || token is null || token.Length > MaxTokenLength)
        {
            return LinkTokenCheck.Invalid;
        }

        var parts = token.Split('.');
        if (parts is not [var linkId, var candidateId, var expiresText, var signature]
            || !InterviewLinkIds.IsLinkId(linkId)
            || !InterviewLinkIds.IsCandidateId(candidateId)
            || expiresText.Length is 0 or > 12
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || signature.Length != SignatureLength)
        {
            return LinkTokenCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(linkId, candidateId, expires));
        if (!CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature)))
        {
            return LinkTokenCheck.Invalid;
        }

        var link = new InterviewLink(linkId, candidateId, DateTimeOffset.FromUnixTimeSeconds(expires));
        return time.GetUtcNow() >= link.ExpiresAt ? new LinkTokenCheck(LinkTokenStatus.Expired, link) : new LinkTokenCheck(LinkTokenStatus.Valid, link);
    }

    private string Sign(string linkId, string candidateId, long expires)
    {
        var key = Encoding.UTF8.GetBytes(options.Value.SigningKey ?? string.Empty);
        var data = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"interview-link/v1\n{linkId}\n{candidateId}\n{expires}"));
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, data));
    }
}

/// <summary>What a genuine token says: which conversation, for which candidate, until when.</summary>
internal sealed record InterviewLink(string LinkId, string CandidateId, DateTimeOffset ExpiresAt)
{
    /// <summary>The conversation the link opens.</summary>
    public Dialogs.Screening.ConversationAddress Address => InterviewLinkChannel.AddressOf(LinkId);
}

internal enum LinkTokenStatus
{
    Valid,

    /// <summary>Not a token, tampered with, signed with another key, or links are off.</summary>
    Invalid,

    /// <summary>Genuine, but past its expiry.</summary>
    Expired,
}

/// <summary>The result of <see cref="InterviewLinkTokens.Check"/>; <see cref="Link"/> is set unless the token is invalid.</summary>
internal sealed record LinkTokenCheck(LinkTokenStatus Status, InterviewLink? Link)
{
    public static LinkTokenCheck Invalid { get; } = new(LinkTokenStatus.Invalid, null);
}
