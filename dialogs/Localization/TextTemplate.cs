using System.Text;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// Named placeholders in message templates: <c>{firstName}</c>. Names, not positions, so a translation may put them in any
/// order; <see cref="LanguageResourceChecker"/> makes sure every language uses the same names as English.
/// </summary>
internal static partial class TextTemplate
{
    /// <summary>The placeholder names <paramref name="template"/> uses.</summary>
    public static IReadOnlySet<string> Placeholders(string template) =>
        PlaceholderPattern().Matches(template).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>Replaces each placeholder with its value. A placeholder with no value is a bug in the caller or the file, so it throws.</summary>
    public static string Format(string key, string template, ReadOnlySpan<(string Name, string Value)> values)
    {
        if (template.IndexOf('{', StringComparison.Ordinal) < 0)
        {
            return template;
        }

        var builder = new StringBuilder(template.Length + 64);
        var last = 0;
        foreach (Match match in PlaceholderPattern().Matches(template))
        {
            builder.Append(template, last, match.Index - last);
            var name = match.Groups["name"].Value;
            var found = false;
            foreach (var (n, v) in values)
            {
                if (string.Equals(n, name, StringComparison.Ordinal))
                {
                    builder.Append(v);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                throw new InvalidOperationException($"The message \"{key}\" uses the placeholder {{{name}}}, which the code does not supply.");
            }

            last = match.Index + match.Length;
        }

        return builder.Append(template, last, template.Length - last).ToString();
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z][A-Za-z0-9]*)\}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    private static partial Regex PlaceholderPattern();
}
