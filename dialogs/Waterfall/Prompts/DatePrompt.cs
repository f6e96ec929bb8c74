using System.Globalization;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises a date: ISO (<c>yyyy-MM-dd</c>), written out (<c>1 December 2026</c>, <c>Dec 1</c>, <c>the 3rd of March</c>),
/// or relative to today (<c>now</c>, <c>tomorrow</c>, <c>next Monday</c>, <c>Friday</c>, <c>in 2 weeks</c>,
/// <c>one month notice</c>, <c>next month</c>, <c>end of the month</c>, <c>start of next month</c>, <c>mid March</c>,
/// <c>end of January</c>). Slash dates are accepted only when unambiguous (the day is above 12). Examples in messages
/// are computed from today, never written in, so they are never in the past.
/// </summary>
public static partial class DatePrompt
{
    private static readonly string[] WrittenFormats =
    [
        "d MMMM yyyy", "d MMM yyyy", "MMMM d yyyy", "MMM d yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM", "d MMM", "MMMM d", "MMM d",
        "dddd d MMMM yyyy", "yyyy/MM/dd",
    ];

    private static readonly Dictionary<string, int> Amounts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6,
        ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["couple of"] = 2, ["few"] = 3,
    };

    /// <summary>Example answers for a date question asked on <paramref name="today"/>: <c>2027-01-04, "4 January", "next Monday" or "in 6 weeks"</c>.</summary>
    public static string Examples(DateOnly today)
    {
        var example = today.AddDays(42);
        return $"{Iso(example)}, \"{Written(example)}\", \"next Monday\" or \"in 6 weeks\"";
    }

    public static Recognized<DateOnly> Recognize(string text, DateOnly today)
    {
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        var expected = $"I need a date, like {Examples(today)}.";
        if (bare.Length == 0 || bare.Length > 100)
        {
            return Recognized<DateOnly>.Fail(expected);
        }

        bare = Filler().Replace(bare, " ").Trim();

        if (bare is "now" or "today" or "immediately" or "asap" or "right away" or "straight away" or "right now" or "anytime" or "any time")
        {
            return Recognized<DateOnly>.Success(today);
        }

        if (bare == "tomorrow")
        {
            return Recognized<DateOnly>.Success(today.AddDays(1));
        }

        if (bare is "day after tomorrow" or "the day after tomorrow")
        {
            return Recognized<DateOnly>.Success(today.AddDays(2));
        }

        if (RecognizeCalendarPhrase(bare, today) is { } phrase)
        {
            return Recognized<DateOnly>.Success(phrase);
        }

        if (bare is "next week")
        {
            return Recognized<DateOnly>.Success(today.AddDays(7));
        }

        if (bare is "next month")
        {
            return Recognized<DateOnly>.Success(today.AddMonths(1));
        }

        var relative = RelativePattern().Match(bare);
        if (relative.Success)
        {
            var amountText = relative.Groups["amount"].Value;
            var amount = int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : Amounts.TryGetValue(amountText, out var w) ? w : -1;
            var unit = relative.Groups["unit"].Value;
            if (amount is >= 0 and <= 366 && !(unit.StartsWith("year", StringComparison.Ordinal) && amount > 10))
            {
                return Recognized<DateOnly>.Success(unit.StartsWith("day", StringComparison.Ordinal) ? today.AddDays(amount)
                    : unit.StartsWith("week", StringComparison.Ordinal) ? today.AddDays(7 * amount)
                    : unit.StartsWith("year", StringComparison.Ordinal) ? today.AddYears(amount)
                    : today.AddMonths(amount));
            }
        }

        if (DateOnly.TryParseExact(bare, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            return Recognized<DateOnly>.Success(iso);
        }

        var slash = SlashPattern().Match(bare);
        if (slash.Success)
        {
            var a = int.Parse(slash.Groups["a"].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(slash.Groups["b"].Value, CultureInfo.InvariantCulture);
            var year = int.Parse(slash.Groups["y"].Value, CultureInfo.InvariantCulture);
            year = year < 100 ? 2000 + year : year;
            (int Day, int Month)? dm = a > 12 && b <= 12 ? (a, b) : b > 12 && a <= 12 ? (b, a) : a == b ? (a, b) : null;
            if (dm is null)
            {
                // Both readings are valid dates (day and month both 12 or less); show them, so the example is the candidate's own date.
                var european = new DateOnly(year, b, a);
                var american = new DateOnly(year, a, b);
                return Recognized<DateOnly>.Fail(
                    $"\"{bare}\" could be read two ways ({Written(european)} {year} or {Written(american)} {year}). Please write the month as a word, like {Written(european)} {year}, or use {Iso(european)}.");
            }

            if (dm.Value.Month is >= 1 and <= 12 && dm.Value.Day >= 1 && dm.Value.Day <= DateTime.DaysInMonth(year, dm.Value.Month))
            {
                return Recognized<DateOnly>.Success(new DateOnly(year, dm.Value.Month, dm.Value.Day));
            }
        }

        var written = OrdinalSuffix().Replace(bare, "$1");
        foreach (var format in WrittenFormats)
        {
            if (DateTime.TryParseExact(written, format, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            {
                var date = DateOnly.FromDateTime(parsed);
                if (!format.Contains('y', StringComparison.Ordinal))
                {
                    // "1 December" means the next 1 December.
                    date = new DateOnly(today.Year, date.Month, date.Day);
                    if (date < today)
                    {
                        date = date.AddYears(1);
                    }
                }

                return Recognized<DateOnly>.Success(date);
            }
        }

        return Recognized<DateOnly>.Fail(expected);
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Written(DateOnly date) => date.ToString("d MMMM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Weekdays (<c>monday</c>, <c>next friday</c>: the first one after today) and parts of a month (<c>end of the month</c>,
    /// <c>start of next month</c>, <c>mid march</c>, <c>end of january</c>: the next such month, this one included).
    /// </summary>
    private static DateOnly? RecognizeCalendarPhrase(string bare, DateOnly today)
    {
        var weekday = WeekdayPattern().Match(bare);
        if (weekday.Success && Enum.TryParse<DayOfWeek>(weekday.Groups["day"].Value, ignoreCase: true, out var day))
        {
            if (weekday.Groups["week"].Success)
            {
                // "Friday next week": that day in the Monday-to-Sunday week after this one.
                var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
                return nextMonday.AddDays(((int)day + 6) % 7);
            }

            var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
            return today.AddDays(ahead == 0 ? 7 : ahead);
        }

        var part = MonthPartPattern().Match(bare);
        if (!part.Success)
        {
            return null;
        }

        var which = part.Groups["which"].Value;
        var month = new DateOnly(today.Year, today.Month, 1);
        if (which is "next month")
        {
            month = month.AddMonths(1);
        }
        else if (which is not ("month" or "this month" or "the month"))
        {
            if (!DateTime.TryParseExact(which, which.Length == 3 ? "MMM" : "MMMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var named))
            {
                return null;
            }

            month = new DateOnly(today.Year, named.Month, 1);
            if (month.AddMonths(1) <= today)
            {
                month = month.AddYears(1);
            }
        }

        var result = part.Groups["part"].Value switch
        {
            "end" or "the end" => month.AddMonths(1).AddDays(-1),
            "mid" or "middle" or "the middle" => month.AddDays(14),
            _ => month, // start, beginning, early
        };
        return result < today ? today : result;
    }

    [GeneratedRegex(@"^(?:in\s+|after\s+|about\s+|roughly\s+|around\s+)?(?<amount>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\s+(?<unit>days?|weeks?|months?|years?)(?:'?s?\s+(?:notice|time|from now))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?:on\s+)?(?:this\s+|next\s+|coming\s+|this\s+coming\s+)?(?<day>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?<week>\s+next\s+week)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WeekdayPattern();

    [GeneratedRegex(@"^(?:at\s+|by\s+|from\s+)?(?<part>the end|end|the start|start|the beginning|beginning|early|mid|the middle|middle)(?:\s+of)?\s+(?<which>the month|this month|next month|month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex MonthPartPattern();

    /// <summary>Words that carry no date: "the 3rd of March" is "3rd March"; "from next Monday" is "next Monday".</summary>
    [GeneratedRegex(@"(?:^(?:(?:i can start|i could start|starting from|start on|starting|from|the)\s+)+)|(?:(?<=\d(?:st|nd|rd|th)?)\s+of\s+)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{2}|\d{4})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OrdinalSuffix();
}
