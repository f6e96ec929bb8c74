using System.Globalization;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Parses a knockout's <c>failIf</c> text into a <see cref="KnockoutRule"/> for its answer type, following
/// the grammar documented on <see cref="KnockoutRule"/>. Never throws for bad text: the result says what is
/// wrong and how to fix it. Thread-safe.
/// </summary>
public static partial class KnockoutRuleParser
{
    /// <summary>Longest <c>failIf</c> text accepted.</summary>
    public const int MaxLength = 200;

    /// <summary>Most values a choice rule may list.</summary>
    public const int MaxChoiceValues = 20;

    private const string YesNoFix = "write \"yes\" or \"no\": the answer that ends the screen";
    private const string NumberFix = "write a comparison such as \"< 3\" or \">= 5\"";
    private const string ChoiceFix = "write \"in [value, ...]\", \"not in [value, ...]\", \"== value\" or \"!= value\" using the choices' values";
    private const string DateFix = "write a comparison with an offset from the interview date, today or a date, such as \"> +30d\", \"< today\" or \"> 2027-01-31\" (units d, w, m)";

    /// <summary>
    /// Parses <paramref name="text"/> as a rule for <paramref name="type"/>. For choice rules, when
    /// <paramref name="choices"/> is given, every value named must be one of the choices' values.
    /// </summary>
    public static KnockoutRuleParseResult Parse(KnockoutAnswerType type, string? text, IReadOnlyList<ChoiceOption>? choices = null)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return KnockoutRuleParseResult.Fail("failIf is empty", FixFor(type));
        }

        if (trimmed.Length > MaxLength)
        {
            return KnockoutRuleParseResult.Fail($"failIf is {trimmed.Length} characters long; the limit is {MaxLength}", FixFor(type));
        }

        return type switch
        {
            KnockoutAnswerType.YesNo => ParseYesNo(trimmed),
            KnockoutAnswerType.Number => ParseNumber(trimmed),
            KnockoutAnswerType.Choice => ParseChoice(trimmed, choices),
            KnockoutAnswerType.Date => ParseDate(trimmed),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown knockout answer type."),
        };
    }

    internal static string TypeName(KnockoutAnswerType type) => type switch
    {
        KnockoutAnswerType.YesNo => "yes/no",
        KnockoutAnswerType.Number => "number",
        KnockoutAnswerType.Choice => "choice",
        _ => "date",
    };

    private static string FixFor(KnockoutAnswerType type) => type switch
    {
        KnockoutAnswerType.YesNo => YesNoFix,
        KnockoutAnswerType.Number => NumberFix,
        KnockoutAnswerType.Choice => ChoiceFix,
        _ => DateFix,
    };

    private static KnockoutRuleParseResult NotARule(string text, KnockoutAnswerType type) =>
        KnockoutRuleParseResult.Fail($"\"{text}\" is not a rule for a {TypeName(type)} answer", FixFor(type));

    private static KnockoutRuleParseResult ParseYesNo(string text) => text.ToUpperInvariant() switch
    {
        "YES" => KnockoutRuleParseResult.Ok(new YesNoRule(FailWhen: true)),
        "NO" => KnockoutRuleParseResult.Ok(new YesNoRule(FailWhen: false)),
        _ => NotARule(text, KnockoutAnswerType.YesNo),
    };

    private static KnockoutRuleParseResult ParseNumber(string text)
    {
        var match = NumberPattern().Match(text);
        if (!match.Success)
        {
            return NotARule(text, KnockoutAnswerType.Number);
        }

        var threshold = decimal.Parse(match.Groups["value"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return KnockoutRuleParseResult.Ok(new NumberRule(ParseOperator(match.Groups["op"].Value), threshold));
    }

    private static KnockoutRuleParseResult ParseChoice(string text, IReadOnlyList<ChoiceOption>? choices)
    {
        bool failWhenIn;
        string[] values;
        var list = ChoiceListPattern().Match(text);
        var single = ChoiceSinglePattern().Match(text);
        if (list.Success)
        {
            failWhenIn = list.Groups["not"].Length == 0;
            values = list.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            if (values.Length == 1 && values[0].Length == 0)
            {
                return KnockoutRuleParseResult.Fail($"\"{text}\" lists no choice values", ChoiceFix);
            }

            if (values.Any(v => v.Length == 0))
            {
                return KnockoutRuleParseResult.Fail($"\"{text}\" has an empty value between commas", ChoiceFix);
            }
        }
        else if (single.Success)
        {
            failWhenIn = single.Groups["op"].Value == "==";
            values = [single.Groups["value"].Value.Trim()];
        }
        else
        {
            return NotARule(text, KnockoutAnswerType.Choice);
        }

        if (values.Length > MaxChoiceValues)
        {
            return KnockoutRuleParseResult.Fail($"\"{text}\" lists {values.Length} values; the limit is {MaxChoiceValues}", ChoiceFix);
        }

        var duplicate = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            return KnockoutRuleParseResult.Fail($"\"{text}\" lists \"{duplicate.Key}\" twice", "list each choice value once");
        }

        if (choices is not null)
        {
            var known = choices.Select(c => c.Value).ToArray();
            foreach (var value in values)
            {
                if (!known.Contains(value, StringComparer.Ordinal))
                {
                    var suggestion = NameSuggester.Suggest(value, known);
                    var fix = suggestion is not null
                        ? $"did you mean \"{suggestion}\"? Use the choices' values: {string.Join(", ", known)}"
                        : $"use the choices' values: {string.Join(", ", known)}";
                    return KnockoutRuleParseResult.Fail($"\"{text}\" names \"{value}\", which is not one of the choices' values", fix);
                }
            }
        }

        return KnockoutRuleParseResult.Ok(new ChoiceRule(failWhenIn, values));
    }

    private static KnockoutRuleParseResult ParseDate(string text)
    {
        var match = DatePattern().Match(text);
        if (!match.Success)
        {
            return NotARule(text, KnockoutAnswerType.Date);
        }

        var op = ParseOperator(match.Groups["op"].Value);
        var operand = match.Groups["operand"].Value;
        if (operand.Equals("today", StringComparison.OrdinalIgnoreCase))
        {
            return KnockoutRuleParseResult.Ok(new DateRule(op, null, 0, 0));
        }

        if (match.Groups["amount"].Success)
        {
            var amount = int.Parse(match.Groups["amount"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            return char.ToLowerInvariant(match.Groups["unit"].Value[0]) switch
            {
                'd' => KnockoutRuleParseResult.Ok(new DateRule(op, null, amount, 0)),
                'w' => KnockoutRuleParseResult.Ok(new DateRule(op, null, amount * 7, 0)),
                _ => KnockoutRuleParseResult.Ok(new DateRule(op, null, 0, amount)),
            };
        }

        if (!DateOnly.TryParseExact(operand, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return KnockoutRuleParseResult.Fail($"\"{operand}\" in \"{text}\" is not a real date", "write the date as YYYY-MM-DD, such as 2027-01-31");
        }

        return KnockoutRuleParseResult.Ok(new DateRule(op, date, 0, 0));
    }

    private static ComparisonOperator ParseOperator(string op) => op switch
    {
        "<" => ComparisonOperator.LessThan,
        "<=" => ComparisonOperator.LessThanOrEqual,
        ">" => ComparisonOperator.GreaterThan,
        ">=" => ComparisonOperator.GreaterThanOrEqual,
        "==" => ComparisonOperator.Equal,
        _ => ComparisonOperator.NotEqual,
    };

    [GeneratedRegex(@"^(?<op><=|>=|==|!=|<|>)\s*(?<value>[+-]?\d{1,12}(?:\.\d{1,6})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^(?<not>not\s+)?in\s*\[(?<values>[^\[\]]*)\]$", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceListPattern();

    [GeneratedRegex(@"^(?<op>==|!=)\s*(?<value>[^\s\[\],]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex ChoiceSinglePattern();

    [GeneratedRegex(@"^(?<op><=|>=|==|!=|<|>)\s*(?<operand>today|(?<amount>[+-]\d{1,4})(?<unit>[dwmDWM])|\d{4}-\d{2}-\d{2})$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DatePattern();
}
