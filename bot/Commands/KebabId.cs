namespace ScreeningBot.Bot.Commands;

/// <summary>
/// Kebab-case ids (<c>backend-payments</c>, <c>api-design</c>): a lowercase letter, then lowercase letters and digits in
/// words joined by single hyphens. Plain code, not a pattern with a nested loop: linear on any input, no timeout to hit.
/// </summary>
internal static class KebabId
{
    /// <summary>Whether <paramref name="id"/> is one; the same ids as dialogs/Profiles/YamlFields.cs accepts in a profile.</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrEmpty(id) || !char.IsAsciiLetterLower(id[0]) || id[^1] == '-')
        {
            return false;
        }

        for (var i = 1; i < id.Length; i++)
        {
            var c = id[i];
            var ok = char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || (c == '-' && id[i - 1] != '-');
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }
}
