using System.Globalization;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises a number: digits ("4", "4.5", "5+"), words ("four", "a year"), and ranges ("3-4" takes the
/// lower bound, so a range never passes a threshold it does not fully meet). Validates min/max.
/// </summary>
public static partial class NumberPrompt
{
    private static readonly Dictionary<string, decimal> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["zero"] = 0, ["none"] = 0, ["a"] = 1, ["an"] = 1, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4,
        ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11,
        ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["half"] = 0.5m, ["a couple"] = 2, ["couple"] = 2, ["a few"] = 3, ["few"] = 3,
    };

    public static Recognized<decimal> Recognize(string text, decimal? min = null, decimal? max = null, string? unit = null)
    {
        var normalized = PromptText.Normalize(text).ToLowerInvariant();
        var expected = Expected(unit);
        if (normalized.Length == 0 || normalized.Length > 200)
        {
            return Recognized<decimal>.Fail(expected);
        }

        decimal? value = null;
        var match = NumberPattern().Match(normalized);
        if (match.Success)
        {
            if (match.Groups["neg"].Success)
            {
                return Recognized<decimal>.Fail($"That looks negative. {expected}");
            }

            value = decimal.Parse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
        }
        else
        {
            // "five and a half years", "a couple of years", "twenty"
            var words = WordPattern().Matches(normalized).Select(m => m.Value).ToArray();
            for (var i = 0; i < words.Length && value is null; i++)
            {
                var pair = i + 1 < words.Length ? $"{words[i]} {words[i + 1]}" : null;
                if (pair is not null && Words.TryGetValue(pair, out var p))
                {
                    value = p;
                }
                else if (Words.TryGetValue(words[i], out var w) && !(words[i] is "a" or "an" && (i + 1 >= words.Length || !IsUnitWord(words[i + 1]))))
                {
                    value = w;
                    if (w >= 20 && i + 1 < words.Length && Words.TryGetValue(words[i + 1], out var ones) && ones < 10)
                    {
                        value = w + ones; // "twenty five"
                    }
                }
            }

            if (value is { } whole && normalized.Contains("and a half", StringComparison.Ordinal))
            {
                value = whole + 0.5m;
            }
        }

        if (value is not { } number)
        {
            return Recognized<decimal>.Fail(expected);
        }

        if ((min is { } lo && number < lo) || (max is { } hi && number > hi))
        {
            var range = (min, max) switch
            {
                ({ } a, { } b) => $"between {Format(a)} and {Format(b)}",
                ({ } a, null) => $"of at least {Format(a)}",
                (null, { } b) => $"of at most {Format(b)}",
                _ => string.Empty,
            };
            return Recognized<decimal>.Fail($"I need a number {range}{(unit is null ? string.Empty : " " + unit)}.");
        }

        return Recognized<decimal>.Success(number);
    }

    private static bool IsUnitWord(string word) => word is "year" or "years" or "month" or "months" or "week" or "weeks" or "day" or "days";

    private static string Expected(string? unit) =>
        unit is null ? "I need a number, like 4." : $"I need a number of {unit}, like 4.";

    private static string Format(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<neg>-\s*)?(?<!\d)(?<n>\d{1,6}(?:[.,]\d{1,3})?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"[a-z]+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex WordPattern();
}
