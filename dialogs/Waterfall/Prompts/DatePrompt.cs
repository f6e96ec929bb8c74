using System.Globalization;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises a date: ISO (<c>2026-12-01</c>), written out (<c>1 December 2026</c>, <c>Dec 1</c>), or relative
/// to today (<c>now</c>, <c>immediately</c>, <c>in 2 weeks</c>, <c>next month</c>, <c>one month notice</c>).
/// Slash dates are accepted only when unambiguous (the day is above 12).
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

    public static Recognized<DateOnly> Recognize(string text, DateOnly today)
    {
        var bare = PromptText.StripPunctuation(PromptText.Normalize(text));
        const string Expected = "I need a date, like 2026-12-01, \"1 December\", \"in 2 weeks\" or \"immediately\".";
        if (bare.Length == 0 || bare.Length > 100)
        {
            return Recognized<DateOnly>.Fail(Expected);
        }

        if (bare is "now" or "today" or "immediately" or "asap" or "right away" or "straight away" or "right now" or "anytime" or "any time")
        {
            return Recognized<DateOnly>.Success(today);
        }

        if (bare == "tomorrow")
        {
            return Recognized<DateOnly>.Success(today.AddDays(1));
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
            if (amount is >= 0 and <= 366)
            {
                var unit = relative.Groups["unit"].Value;
                return Recognized<DateOnly>.Success(unit.StartsWith("day", StringComparison.Ordinal) ? today.AddDays(amount)
                    : unit.StartsWith("week", StringComparison.Ordinal) ? today.AddDays(7 * amount)
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
                return Recognized<DateOnly>.Fail($"\"{bare}\" could be read two ways. Please write the month as a word (1 December 2026) or use 2026-12-01.");
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

        return Recognized<DateOnly>.Fail(Expected);
    }

    [GeneratedRegex(@"^(?:in\s+|after\s+|about\s+|roughly\s+|around\s+)?(?<amount>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|couple of|few)\s+(?<unit>days?|weeks?|months?)(?:'?s?\s+(?:notice|time|from now))?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex RelativePattern();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{2}|\d{4})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SlashPattern();

    [GeneratedRegex(@"(\d{1,2})(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex OrdinalSuffix();
}
