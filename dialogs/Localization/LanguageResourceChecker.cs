namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// Checks a language file against English: the same message keys with the same placeholders, complete calendars,
/// every command, and recognition words that map to known values. Run when the languages load and by the tests.
/// </summary>
internal static class LanguageResourceChecker
{
    private static readonly string[] CommandNames = ["help", "repeat", "pause", "resume", "withdraw", "human"];

    public static IReadOnlyList<string> Problems(LanguageResource english, LanguageResource candidate, string source)
    {
        ArgumentNullException.ThrowIfNull(english);
        ArgumentNullException.ThrowIfNull(candidate);
        var problems = new List<string>();
        void Add(string message) => problems.Add($"{source}: {message}");

        foreach (var key in english.Messages.Keys.Except(candidate.Messages.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add($"message \"{key}\" is missing; translate the English one (en.json)");
        }

        foreach (var key in candidate.Messages.Keys.Except(english.Messages.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            Add($"message \"{key}\" is not in en.json; remove it or add it to every language");
        }

        foreach (var (key, template) in candidate.Messages.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(template))
            {
                Add($"message \"{key}\" is empty");
                continue;
            }

            if (english.Messages.TryGetValue(key, out var reference))
            {
                var expected = TextTemplate.Placeholders(reference);
                var actual = TextTemplate.Placeholders(template);
                if (!expected.SetEquals(actual))
                {
                    Add($"message \"{key}\" has placeholders {{{string.Join("}, {", actual.Order(StringComparer.Ordinal))}}}; English has {{{string.Join("}, {", expected.Order(StringComparer.Ordinal))}}}");
                }
            }
        }

        var format = candidate.Format;
        if (format.Months.Count != 12 || format.Months.Any(string.IsNullOrWhiteSpace))
        {
            Add("format.months needs 12 names, January first");
        }

        if (format.Weekdays.Count != 7 || format.Weekdays.Any(string.IsNullOrWhiteSpace))
        {
            Add("format.weekdays needs 7 names, Sunday first");
        }

        if (format.Cardinals.Count < 3)
        {
            Add("format.cardinals needs at least zero, one and two");
        }

        var recognition = candidate.Recognition;
        if (recognition.Yes.Count == 0 || recognition.No.Count == 0)
        {
            Add("recognition.yes and recognition.no need at least one word each");
        }

        foreach (var name in CommandNames.Where(c => !recognition.Commands.TryGetValue(c, out var words) || words.Count == 0))
        {
            Add($"recognition.commands.{name} needs at least one word");
        }

        foreach (var name in recognition.Commands.Keys.Except(CommandNames, StringComparer.Ordinal))
        {
            Add($"recognition.commands.{name} is not a command; the commands are {string.Join(", ", CommandNames)}");
        }

        var dates = recognition.Dates;
        foreach (var (word, unit) in dates.Units.Where(u => u.Value is not ("day" or "week" or "month" or "year")))
        {
            Add($"recognition.dates.units.{word} is \"{unit}\"; use day, week, month or year");
        }

        foreach (var (word, part) in dates.Parts.Concat(dates.MonthParts).Where(p => p.Value is not ("start" or "mid" or "end")))
        {
            Add($"recognition.dates part \"{word}\" is \"{part}\"; use start, mid or end");
        }

        if (Enumerable.Range(1, 12).Except(dates.MonthNames.Values).Any() || dates.MonthNames.Values.Any(m => m is < 1 or > 12))
        {
            Add("recognition.dates.monthNames needs a name for each month 1 to 12, and no other number");
        }

        if (Enumerable.Range(0, 7).Except(dates.WeekdayNames.Values).Any() || dates.WeekdayNames.Values.Any(d => d is < 0 or > 6))
        {
            Add("recognition.dates.weekdayNames needs a name for each day 0 (Sunday) to 6, and no other number");
        }

        if (recognition.Numbers.Compounds.Any(c => !c.Contains("{tens}", StringComparison.Ordinal) || !c.Contains("{ones}", StringComparison.Ordinal)))
        {
            Add("recognition.numbers.compounds must each contain {tens} and {ones}");
        }

        return problems;
    }
}
