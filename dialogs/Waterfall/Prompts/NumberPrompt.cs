using System.Globalization;
using System.Text.RegularExpressions;
using ScreeningBot.Dialogs.Localization;

namespace ScreeningBot.Dialogs.Waterfall.Prompts;

/// <summary>
/// Recognises a number: digits with a decimal point or comma ("4", "4.5", "6,5", "5+"), words in the interview's
/// language or English ("four", "sechseinhalb", "un año y medio"), and ranges ("3-4" takes the lower bound, so a range
/// never passes a threshold it does not fully meet). Validates min/max.
/// </summary>
public static partial class NumberPrompt
{
    public static Recognized<decimal> Recognize(string text, decimal? min = null, decimal? max = null, string? unit = null) =>
        Recognize(text, CandidateLanguages.English, min, max, unit);

    public static Recognized<decimal> Recognize(string text, CandidateLanguage language, decimal? min = null, decimal? max = null, string? unit = null)
    {
        ArgumentNullException.ThrowIfNull(language);
        var texts = language.Texts;
        var normalized = PromptText.Normalize(text).ToLowerInvariant();
        if (normalized.Length == 0 || normalized.Length > 200)
        {
            return Recognized<decimal>.Fail(texts.NumberExpected(unit));
        }

        decimal? value = null;
        var match = NumberPattern().Match(normalized);
        if (match.Success)
        {
            if (match.Groups["neg"].Success)
            {
                return Recognized<decimal>.Fail(texts.NumberNegative(unit));
            }

            value = decimal.Parse(match.Groups["n"].Value.Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture);
        }
        else
        {
            // "five and a half years", "a couple of years", "fünfundzwanzig", "un año y medio"
            value = language.Numbers.Parse(normalized) ?? (language.IsEnglish ? null : CandidateLanguages.English.Numbers.Parse(normalized));
        }

        if (value is not { } number)
        {
            return Recognized<decimal>.Fail(texts.NumberExpected(unit));
        }

        if ((min is { } lo && number < lo) || (max is { } hi && number > hi))
        {
            return Recognized<decimal>.Fail(texts.NumberOutOfRange(min, max, unit));
        }

        return Recognized<decimal>.Success(number);
    }

    [GeneratedRegex(@"(?<neg>-\s*)?(?<!\d)(?<n>\d{1,6}(?:[.,]\d{1,3})?)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    private static partial Regex NumberPattern();
}
