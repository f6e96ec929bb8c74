using System.Text.Json.Serialization;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// One language file, <c>dialogs/Localization/Texts/&lt;tag&gt;.json</c>, as written: what the bot says (<see cref="Messages"/>),
/// how it writes numbers and dates (<see cref="Format"/>), and the words it recognises (<see cref="Recognition"/>).
/// </summary>
internal sealed record LanguageResource
{
    public required string Language { get; init; }

    /// <summary>Key to template; placeholders are <c>{name}</c> and every language has the same keys and placeholders as English.</summary>
    public required Dictionary<string, string> Messages { get; init; }

    public required FormatResource Format { get; init; }

    public required RecognitionResource Recognition { get; init; }
}

internal sealed record FormatResource
{
    public required string DecimalSeparator { get; init; }

    public required string GroupSeparator { get; init; }

    public required string ListSeparator { get; init; }

    public required string ListLastSeparator { get; init; }

    /// <summary>Twelve names, January first, as written in a sentence.</summary>
    public required List<string> Months { get; init; }

    /// <summary>Seven names, Sunday first (the order of <see cref="DayOfWeek"/>).</summary>
    public required List<string> Weekdays { get; init; }

    /// <summary>Counts written as words, index = value; larger counts are written in digits.</summary>
    public required List<string> Cardinals { get; init; }

    /// <summary>Names of languages by primary subtag, as used after "answer in …".</summary>
    public required Dictionary<string, string> LanguageNames { get; init; }
}

internal sealed record RecognitionResource
{
    public required List<string> Yes { get; init; }

    public required List<string> No { get; init; }

    /// <summary>First words that make a longer answer a yes ("Yes, I have a visa").</summary>
    public required List<string> YesFirstWords { get; init; }

    public required List<string> NoFirstWords { get; init; }

    /// <summary>Whole messages that skip a free-text question.</summary>
    public required List<string> Skip { get; init; }

    /// <summary>Command name (help, repeat, pause, resume, withdraw) to the whole messages that mean it.</summary>
    public required Dictionary<string, List<string>> Commands { get; init; }

    public required NumberWordsResource Numbers { get; init; }

    public required DateWordsResource Dates { get; init; }
}

internal sealed record NumberWordsResource
{
    /// <summary>Words and short phrases with their value ("four", "a couple", "anderthalb").</summary>
    public required Dictionary<string, decimal> Words { get; init; }

    /// <summary>How tens and ones combine, with <c>{tens}</c> and <c>{ones}</c>: "{tens} {ones}", "{ones}und{tens}", "{tens} y {ones}".</summary>
    public required List<string> Compounds { get; init; }

    /// <summary>Words that mean one only before a unit ("a year", "ein Jahr"), never on their own.</summary>
    public required List<string> Articles { get; init; }

    public required List<string> UnitWords { get; init; }

    /// <summary>Phrases that add a half when present ("and a half", "y medio").</summary>
    public required List<string> HalfAfter { get; init; }

    /// <summary>Endings that add a half to the number word they end ("sechseinhalb").</summary>
    public required List<string> HalfSuffixes { get; init; }
}

internal sealed record DateWordsResource
{
    /// <summary>Leading words that carry no date ("I can start", "ab dem", "a partir del"), removed repeatedly.</summary>
    public required List<string> Fillers { get; init; }

    public required List<string> TrailingFillers { get; init; }

    public required List<string> OrdinalSuffixes { get; init; }

    /// <summary>Words between a day number and its month that are dropped ("the 3rd of March").</summary>
    public required List<string> OrdinalConnectors { get; init; }

    /// <summary>True where 03/04/2027 is always day then month (as in German and Spanish); English asks instead.</summary>
    public required bool DayFirst { get; init; }

    /// <summary>Whole phrases that are a number of days from today ("tomorrow": 1).</summary>
    public required Dictionary<string, int> Days { get; init; }

    /// <summary>Whole phrases that are a number of months from today ("next month": 1).</summary>
    public required Dictionary<string, int> Months { get; init; }

    public required List<string> RelativePrefixes { get; init; }

    public required Dictionary<string, int> Amounts { get; init; }

    /// <summary>Unit word to <c>day</c>, <c>week</c>, <c>month</c> or <c>year</c>.</summary>
    public required Dictionary<string, string> Units { get; init; }

    public required List<string> RelativeSuffixes { get; init; }

    /// <summary>Weekday word to its <see cref="DayOfWeek"/> number (Sunday 0).</summary>
    public required Dictionary<string, int> WeekdayNames { get; init; }

    public required List<string> WeekdayPrefixes { get; init; }

    /// <summary>Words after a weekday that mean the same as before it ("el lunes que viene").</summary>
    public required List<string> WeekdaySuffixes { get; init; }

    /// <summary>Phrases before or after a weekday that mean "of next week" ("Friday next week").</summary>
    public required List<string> NextWeekBefore { get; init; }

    public required List<string> NextWeekAfter { get; init; }

    public required List<string> PartPrefixes { get; init; }

    /// <summary>Part-of-month word to <c>start</c>, <c>mid</c> or <c>end</c>.</summary>
    public required Dictionary<string, string> Parts { get; init; }

    public required List<string> PartConnectors { get; init; }

    public required List<string> ThisMonth { get; init; }

    public required List<string> NextMonth { get; init; }

    /// <summary>One-word parts of this month ("Monatsende").</summary>
    public required Dictionary<string, string> MonthParts { get; init; }

    /// <summary>Month names and abbreviations to month numbers (January 1).</summary>
    public required Dictionary<string, int> MonthNames { get; init; }

    public required List<string> DayMonthConnectors { get; init; }

    public required List<string> YearConnectors { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(LanguageResource))]
internal sealed partial class LocalizationJsonContext : JsonSerializerContext;
