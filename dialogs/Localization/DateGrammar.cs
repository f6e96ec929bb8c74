using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// The date phrases of one language, compiled once from its file into the shapes <see cref="Waterfall.Prompts.DatePrompt"/>
/// reads: fixed words ("tomorrow", "übermorgen"), relative amounts ("in 2 weeks", "dentro de 2 semanas"), weekdays
/// ("next Monday", "nächsten Montag", "el próximo lunes"), parts of a month ("end of March", "Ende März", "a finales de
/// marzo") and written dates ("1 March", "1. März", "1 de marzo"). The word order of each shape is shared by English,
/// German and Spanish; the words come from the file.
/// </summary>
internal sealed class DateGrammar
{
    public DateGrammar(DateWordsResource words)
    {
        ArgumentNullException.ThrowIfNull(words);
        DayFirst = words.DayFirst;
        Days = Lookup(words.Days);
        Months = Lookup(words.Months);
        Amounts = Lookup(words.Amounts);
        Units = Lookup(words.Units);
        WeekdayNames = Lookup(words.WeekdayNames);
        Parts = Lookup(words.Parts.Concat(words.MonthParts));
        MonthNames = Lookup(words.MonthNames);
        ThisMonth = Phrases.Set(words.ThisMonth);
        NextMonth = Phrases.Set(words.NextMonth);

        var ordinal = words.OrdinalSuffixes.Count == 0 ? string.Empty : $"{Phrases.Alternation(words.OrdinalSuffixes)}?";
        var months = Phrases.Alternation(words.MonthNames.Keys);
        var weekdays = Phrases.Alternation(words.WeekdayNames.Keys);

        LeadingFillers = Phrases.Build($@"^(?:{Phrases.Alternation(words.Fillers)}\s+)+");
        TrailingFillers = Phrases.Build($@"(?:\s+{Phrases.Alternation(words.TrailingFillers)})+$");
        OrdinalConnectors = Phrases.Build($@"(?<=\d{ordinal})\s+{Phrases.Alternation(words.OrdinalConnectors)}\s+");
        Relative = Phrases.Build(
            $@"^(?:{Phrases.Alternation(words.RelativePrefixes)}\s+)*(?<amount>\d{{1,3}}|{Phrases.Alternation(words.Amounts.Keys)})\s+(?<unit>{Phrases.Alternation(words.Units.Keys)})(?:'?s?\s+{Phrases.Alternation(words.RelativeSuffixes)})?$");
        Weekday = Phrases.Build(
            $@"^(?:{Phrases.Alternation(words.WeekdayPrefixes)}\s+)*(?:(?<before>{Phrases.Alternation(words.NextWeekBefore)})\s+)?(?<day>{weekdays})(?:\s+{Phrases.Alternation(words.WeekdaySuffixes)})?(?:\s+(?<after>{Phrases.Alternation(words.NextWeekAfter)}))?$");
        MonthPart = Phrases.Build(
            $@"^(?:{Phrases.Alternation(words.PartPrefixes)}\s+)*(?:(?<part>{Phrases.Alternation(words.Parts.Keys)})(?:\s+{Phrases.Alternation(words.PartConnectors)})?\s+(?<which>{Phrases.Alternation([.. words.ThisMonth, .. words.NextMonth, .. words.MonthNames.Keys])})|(?<part>{Phrases.Alternation(words.MonthParts.Keys)}))$");
        DayMonth = Phrases.Build(
            $@"^(?:{weekdays},?\s+)?(?<d>\d{{1,2}}){ordinal}\.?\s+(?:{Phrases.Alternation(words.DayMonthConnectors)}\s+)?(?<m>{months})\.?(?:,?\s+(?:{Phrases.Alternation(words.YearConnectors)}\s+)?(?<y>\d{{4}}))?$");
        MonthDay = Phrases.Build($@"^(?<m>{months})\.?\s+(?<d>\d{{1,2}}){ordinal}\.?(?:,?\s+(?<y>\d{{4}}))?$");
    }

    public bool DayFirst { get; }

    public IReadOnlyDictionary<string, int> Days { get; }

    public IReadOnlyDictionary<string, int> Months { get; }

    public IReadOnlyDictionary<string, int> Amounts { get; }

    public IReadOnlyDictionary<string, string> Units { get; }

    public IReadOnlyDictionary<string, int> WeekdayNames { get; }

    public IReadOnlyDictionary<string, string> Parts { get; }

    public IReadOnlyDictionary<string, int> MonthNames { get; }

    public IReadOnlySet<string> ThisMonth { get; }

    public IReadOnlySet<string> NextMonth { get; }

    public Regex LeadingFillers { get; }

    public Regex TrailingFillers { get; }

    public Regex OrdinalConnectors { get; }

    /// <summary>Groups <c>amount</c> and <c>unit</c>.</summary>
    public Regex Relative { get; }

    /// <summary>Group <c>day</c>; <c>before</c> or <c>after</c> when it names the weekday of next week.</summary>
    public Regex Weekday { get; }

    /// <summary>Groups <c>part</c> and <c>which</c> (a month name, this month or next month; absent for one-word parts).</summary>
    public Regex MonthPart { get; }

    /// <summary>Groups <c>d</c>, <c>m</c> and optional <c>y</c>, day first.</summary>
    public Regex DayMonth { get; }

    /// <summary>Groups <c>m</c>, <c>d</c> and optional <c>y</c>, month first ("Dec 1st").</summary>
    public Regex MonthDay { get; }

    /// <summary>The value of a phrase matched by one of the regexes (any run of whitespace reads as one space).</summary>
    public static string Key(string matched) => Phrases.Key(string.Join(' ', matched.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));

    private static Dictionary<string, T> Lookup<T>(IEnumerable<KeyValuePair<string, T>> pairs)
    {
        var lookup = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in pairs)
        {
            lookup[Phrases.Key(key)] = value;
        }

        return lookup;
    }
}
