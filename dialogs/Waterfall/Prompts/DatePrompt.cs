using System.Globalization;
using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises a date: ISO (<c>yyyy-MM-dd</c>), written out (<c>1 December 2026</c>, <c>Dec 1</c>, <c>the 3rd of March</c>,
/// <c>1. März</c>, <c>1 de marzo</c>), or relative to today (<c>now</c>, <c>tomorrow</c>, <c>next Monday</c>, <c>Friday</c>,
/// <c>in 2 weeks</c>, <c>one month notice</c>, <c>next month</c>, <c>end of the month</c>, <c>start of next month</c>,
/// <c>mid March</c>, <c>end of January</c>, and the same shapes in German and Spanish: <c>nächsten Montag</c>,
/// <c>el próximo lunes</c>, <c>Ende März</c>, <c>a finales de mes</c>). The words come from the language's file
/// (<see cref="DateGrammar"/>); English is always understood as well. Slash dates are day first where the language
/// writes them so (German, Spanish) and otherwise accepted only when unambiguous (the day is above 12). Examples in
/// messages are computed from today, never written in, so they are never in the past.
/// </summary>
public static partial class DatePrompt
{
    /// <summary>Example answers for a date question asked on <paramref name="today"/>: <c>2027-01-04, "4 January", "next Monday" or "in 6 weeks"</c>.</summary>
    public static string Examples(DateOnly today) => CandidateLanguages.English.Texts.DateExamples(today);

    public static Recognized<DateOnly> Recognize(string text, DateOnly today) => Recognize(text, today, CandidateLanguages.English);

    public static Recognized<DateOnly> Recognize(string text, DateOnly today, CandidateLanguage language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        if (bare.Length == 0 || bare.Length > 100)
        {
            return Recognized<DateOnly>.Fail(language.Texts.DateExpected(today));
        }

        var result = Recognize(bare, today, language.Dates, language.Texts);
        if (!result.Succeeded && !language.IsEnglish
            && Recognize(bare, today, CandidateLanguages.English.Dates, language.Texts) is { Succeeded: true } english)
        {
            return english;
        }

        return result;
    }

    private static Recognized<DateOnly> Recognize(string bare, DateOnly today, DateGrammar grammar, CandidateTexts texts)
    {
        bare = grammar.LeadingFillers.Replace(bare, string.Empty);
        bare = grammar.TrailingFillers.Replace(bare, string.Empty);
        bare = grammar.OrdinalConnectors.Replace(bare, " ").Trim();

        if (grammar.Days.TryGetValue(DateGrammar.Key(bare), out var days))
        {
            return Recognized<DateOnly>.Success(today.AddDays(days));
        }

        if (grammar.Months.TryGetValue(DateGrammar.Key(bare), out var months))
        {
            return Recognized<DateOnly>.Success(today.AddMonths(months));
        }

        if ((RecognizeWeekday(bare, today, grammar) ?? RecognizeMonthPart(bare, today, grammar)) is { } phrase)
        {
            return Recognized<DateOnly>.Success(phrase);
        }

        var relative = grammar.Relative.Match(bare);
        if (relative.Success)
        {
            var amountText = relative.Groups["amount"].Value;
            var amount = int.TryParse(amountText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n
                : grammar.Amounts.TryGetValue(DateGrammar.Key(amountText), out var w) ? w : -1;
            var unit = grammar.Units[DateGrammar.Key(relative.Groups["unit"].Value)];
            if (amount is >= 0 and <= 366 && !(unit == "year" && amount > 10))
            {
                return Recognized<DateOnly>.Success(unit switch
                {
                    "day" => today.AddDays(amount),
                    "week" => today.AddDays(7 * amount),
                    "year" => today.AddYears(amount),
                    _ => today.AddMonths(amount),
                });
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
            (int Day, int Month)? dm = grammar.DayFirst ? (a, b) : a > 12 ? (a, b) : b > 12 ? (b, a) : a == b ? (a, b) : null;
            if (dm is null)
            {
                // Both readings are valid dates (day and month both 12 or less); show them, so the example is the candidate's own date.
                return Recognized<DateOnly>.Fail(texts.DateAmbiguous(bare, new DateOnly(year, b, a), new DateOnly(year, a, b)));
            }

            if (Valid(year, dm.Value.Month, dm.Value.Day))
            {
                return Recognized<DateOnly>.Success(new DateOnly(year, dm.Value.Month, dm.Value.Day));
            }
        }

        var isoSlash = IsoSlashPattern().Match(bare);
        var written = isoSlash.Success ? isoSlash : grammar.DayMonth.Match(bare) is { Success: true } dayMonth ? dayMonth : grammar.MonthDay.Match(bare);
        if (written.Success && ReadWritten(written, today, grammar) is { } date)
        {
            return Recognized<DateOnly>.Success(date);
        }

        return Recognized<DateOnly>.Fail(texts.DateExpected(today));
    }

    /// <summary>A written day and month, with or without a year; without one, the next such date ("1 December" means the next 1 December).</summary>
    private static DateOnly? ReadWritten(Match match, DateOnly today, DateGrammar grammar)
    {
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        var monthText = match.Groups["m"].Value;
        var month = int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
            : grammar.MonthNames.TryGetValue(DateGrammar.Key(monthText), out var named) ? named : 0;
        if (match.Groups["y"].Success)
        {
            var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
            return Valid(year, month, day) ? new DateOnly(year, month, day) : null;
        }

        // Up to eight years ahead, so 29 February finds the next leap year.
        for (var year = today.Year; year <= today.Year + 8; year++)
        {
            if (Valid(year, month, day) && new DateOnly(year, month, day) >= today)
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static bool Valid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    /// <summary>
    /// Weekdays (<c>monday</c>, <c>next friday</c>: the first one after today; <c>Friday next week</c>: that day of next week)
    /// and parts of a month come from the language's words; the arithmetic is the same in every language.
    /// </summary>
    private static DateOnly? RecognizeWeekday(string bare, DateOnly today, DateGrammar grammar)
    {
        var weekday = grammar.Weekday.Match(bare);
        if (!weekday.Success || !grammar.WeekdayNames.TryGetValue(DateGrammar.Key(weekday.Groups["day"].Value), out var number))
        {
            return null;
        }

        var day = (DayOfWeek)number;
        if (weekday.Groups["before"].Success || weekday.Groups["after"].Success)
        {
            // "Friday next week": that day in the Monday-to-Sunday week after this one.
            var nextMonday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
            return nextMonday.AddDays(((int)day + 6) % 7);
        }

        var ahead = ((int)day - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    /// <summary>
    /// Parts of a month: <c>end of the month</c>, <c>start of next month</c>, <c>mid march</c>, <c>end of january</c> (the next
    /// such month, this one included), never before today.
    /// </summary>
    private static DateOnly? RecognizeMonthPart(string bare, DateOnly today, DateGrammar grammar)
    {
        var part = grammar.MonthPart.Match(bare);
        if (!part.Success || !grammar.Parts.TryGetValue(DateGrammar.Key(part.Groups["part"].Value), out var which))
        {
            return null;
        }

        var month = new DateOnly(today.Year, today.Month, 1);
        if (part.Groups["which"].Success)
        {
            var named = DateGrammar.Key(part.Groups["which"].Value);
            if (grammar.NextMonth.Contains(named))
            {
                month = month.AddMonths(1);
            }
            else if (!grammar.ThisMonth.Contains(named))
            {
                month = new DateOnly(today.Year, grammar.MonthNames[named], 1);
                if (month.AddMonths(1) <= today)
                {
                    month = month.AddYears(1);
                }
            }
        }

        var result = which switch
        {
            "end" => month.AddMonths(1).AddDays(-1),
            "mid" => month.AddDays(14),
            _ => month,
        };
        return result < today ? today : result;
    }

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{2}|\d{4})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"^(?<y>\d{4})/(?<m>\d{1,2})/(?<d>\d{1,2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    private static partial Regex IsoSlashPattern();
}
