using System.Globalization;
using System.Net.Mail;
using System.Text;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>
/// Who an interview link is for: a name and, optionally, an email address, as a recruiter typed them. Both are checked and
/// bounded here; the address is used only to recognise the same person again (<see cref="InterviewLinkIds.CandidateIdFor"/>)
/// and is not stored.
/// </summary>
internal static class LinkCandidates
{
    public const int MaxNameLength = 80;

    /// <summary>The longest address SMTP allows (RFC 5321 path limit less the angle brackets).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>The candidate a link is for: the same participant id for the same address, a new one for a name only.</summary>
    public static Participant Candidate(string name, string? normalizedEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new Participant(normalizedEmail is null ? InterviewLinkIds.NewCandidateId() : InterviewLinkIds.CandidateIdFor(normalizedEmail), name);
    }

    /// <summary>The participant id of the candidate invited with <paramref name="email"/>; null when it is not one plain address.</summary>
    public static string? CandidateIdOf(string? email) => NormalizeEmail(email) is { } normalized ? InterviewLinkIds.CandidateIdFor(normalized) : null;

    /// <summary>One plain address (<c>jane@example.com</c>, no display name, a dotted domain), trimmed and lower-cased; null otherwise.</summary>
    public static string? NormalizeEmail(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxEmailLength || trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or ',')
            || !MailAddress.TryCreate(trimmed, out var address)
            || !string.Equals(address.Address, trimmed, StringComparison.Ordinal)
            || !address.Host.Contains('.', StringComparison.Ordinal) || address.Host.StartsWith('.') || address.Host.EndsWith('.'))
        {
            return null;
        }

        return trimmed.ToLowerInvariant();
    }

    /// <summary>A display name as typed: control characters dropped, whitespace collapsed; null when nothing is left or it is too long.</summary>
    public static string? CleanName(string? name)
    {
        if (name is null)
        {
            return null;
        }

        var cleaned = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                if (cleaned.Length > 0 && cleaned[^1] != ' ')
                {
                    cleaned.Append(' ');
                }
            }
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format)
            {
                cleaned.Append(c);
            }
        }

        var result = cleaned.ToString().Trim();
        return result.Length is 0 or > MaxNameLength ? null : result;
    }

    /// <summary>
    /// A name to greet someone invited by address only: the address's local part in words (<c>jane.doe</c> becomes "Jane Doe"),
    /// or the local part itself when it has no letters to make words of.
    /// </summary>
    public static string NameFromEmail(string normalizedEmail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(normalizedEmail);
        var local = normalizedEmail[..normalizedEmail.IndexOf('@', StringComparison.Ordinal)];
        var words = local.Split(['.', '_', '-', '+'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1 && w.All(char.IsLetter))
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..])
            .ToArray();
        var name = words.Length > 0 ? string.Join(' ', words) : local;
        return name.Length > MaxNameLength ? name[..MaxNameLength] : name;
    }
}
