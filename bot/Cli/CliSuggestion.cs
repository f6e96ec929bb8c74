using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// "Did you mean …?" for a mistyped verb or option: the closest known name by <see cref="NameSuggester"/>'s edit
/// distance, with a looser bound than profile field names get, since a verb is a whole word typed from memory.
/// </summary>
internal static class CliSuggestion
{
    /// <summary>
    /// The known name closest to <paramref name="typed"/>, or null when none is close: within half the name's length in
    /// edits (a swap of two neighbours counts as one), or starting with what was typed (<c>validate</c>).
    /// </summary>
    public static string? Closest(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);
        var lowered = typed.ToLowerInvariant();
        return known
            .Select(name => (Name: name, Distance: NameSuggester.Distance(lowered, name.ToLowerInvariant())))
            .Where(c => c.Distance <= c.Name.Length / 2 || (lowered.Length >= 3 && c.Name.StartsWith(lowered, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => c.Name)
            .FirstOrDefault();
    }
}
