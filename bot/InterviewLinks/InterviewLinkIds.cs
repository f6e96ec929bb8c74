using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// The ids an interview link is made of: the link itself (<c>lk-</c> + 20 base32 characters, 100 random bits), which is the
/// conversation id of the candidate's interview, and the candidate's participant id (<c>lc-</c> + 16 base32 characters).
/// A candidate invited by email gets the same id every time (a hash of the address), so <c>status</c>, <c>report</c> and
/// <c>forget</c> find all their screens by email, while logs, which carry participant ids, never carry the address.
/// </summary>
internal static class InterviewLinkIds
{
    public const string LinkPrefix = "lk-";
    public const string CandidatePrefix = "lc-";
    public const int LinkIdLength = 23;
    public const int CandidateIdLength = 19;

    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    public static string NewLinkId() => LinkPrefix + Base32(RandomNumberGenerator.GetBytes(16), LinkIdLength - LinkPrefix.Length);

    /// <summary>An id for a candidate invited by name only: a new person every time.</summary>
    public static string NewCandidateId() => CandidatePrefix + Base32(RandomNumberGenerator.GetBytes(16), CandidateIdLength - CandidatePrefix.Length);

    /// <summary>The id of the candidate with this (normalised, see <see cref="LinkCandidates.NormalizeEmail"/>) address.</summary>
    public static string CandidateIdFor(string normalizedEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(normalizedEmail);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("screeningbot interview-link candidate\n" + normalizedEmail));
        return CandidatePrefix + Base32(hash, CandidateIdLength - CandidatePrefix.Length);
    }

    public static bool IsLinkId(ReadOnlySpan<char> text) => Is(text, LinkPrefix, LinkIdLength);

    public static bool IsCandidateId(ReadOnlySpan<char> text) => Is(text, CandidatePrefix, CandidateIdLength);

    private static bool Is(ReadOnlySpan<char> text, string prefix, int length) =>
        text.Length == length && text.StartsWith(prefix, StringComparison.Ordinal) && !text[prefix.Length..].ContainsAnyExcept(AlphabetValues);

    /// <summary>The first <paramref name="count"/> base32 characters of <paramref name="bytes"/> (5 bits each).</summary>
    private static string Base32(byte[] bytes, int count)
    {
        var chars = new char[count];
        for (var i = 0; i < count; i++)
        {
            var bit = i * 5;
            var pair = (bytes[bit / 8] << 8) | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0);
            chars[i] = Alphabet[(pair >> (11 - bit % 8)) & 31];
        }

        return new string(chars);
    }
}
