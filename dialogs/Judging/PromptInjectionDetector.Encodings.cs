using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>Encoded runs (base64, hex, percent-encoding, HTML character references) that decode to readable words.</summary>
internal static partial class PromptInjectionDetector
{
    /// <summary>Words of two or more letters a decoded run needs before it counts as hidden text.</summary>
    private const int MinDecodedWords = 3;

    /// <summary>Runs decoded per scan, so a text made of encoded-looking tokens cannot make the scan slow.</summary>
    private const int MaxDecodedRuns = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [GeneratedRegex("""(?:%[0-9a-fA-F]{2}){6,}|(?:&\#(?:[xX][0-9a-fA-F]{1,6}|[0-9]{1,7});){6,}""", RegexOptions.CultureInvariant, NoTimeout)]
    private static partial Regex EscapedRunPattern();

    /// <summary>Adds an <see cref="EncodedText"/> hit for every run that decodes to words, and the findings of the decoded text.</summary>
    private static void FindEncoded(string text, List<(int Start, int End, string Finding)> hits)
    {
        var decodedRuns = 0;

        // Base64 and hex: whitespace-separated tokens of 16+ characters of their alphabets, stripped of quotes and brackets.
        var i = 0;
        while (i < text.Length && decodedRuns < MaxDecodedRuns)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            var (from, to) = Unwrap(text, start, i);
            if (to - from >= 16 && Decode(text.AsSpan(from, to - from)) is { } decoded)
            {
                decodedRuns++;
                AddDecoded(decoded, from, to, hits);
            }
        }

        if (!text.Contains('%', StringComparison.Ordinal) && !text.Contains("&#", StringComparison.Ordinal))
        {
            return;
        }

        foreach (var match in EscapedRunPattern().EnumerateMatches(text))
        {
            if (decodedRuns++ >= MaxDecodedRuns)
            {
                return;
            }

            var run = text.Substring(match.Index, match.Length);
            if ((run[0] == '%' ? Uri.UnescapeDataString(run) : DecodeEntities(run)) is var decoded && IsReadable(decoded))
            {
                AddDecoded(decoded, match.Index, match.Index + match.Length, hits);
            }
        }
    }

    private static void AddDecoded(string decoded, int start, int end, List<(int Start, int End, string Finding)> hits)
    {
        hits.Add((start, end, EncodedText));
        foreach (var finding in ScanText(decoded, truncated: false, decodeDepth: 1).Findings)
        {
            hits.Add((start, end, finding));
        }
    }

    /// <summary>The token without the quotes, brackets and sentence punctuation around it.</summary>
    private static (int Start, int End) Unwrap(string text, int start, int end)
    {
        while (start < end && text[start] is '"' or '\'' or '`' or '(' or '[' or '{' or '<')
        {
            start++;
        }

        while (end > start && text[end - 1] is '"' or '\'' or '`' or ')' or ']' or '}' or '>' or '.' or ',' or ';' or ':' or '!' or '?')
        {
            end--;
        }

        return (start, end);
    }

    /// <summary>The token decoded as base64 (or base64url) or hex when it is one and decodes to readable text; null otherwise.</summary>
    private static string? Decode(ReadOnlySpan<char> token)
    {
        var hex = token.Length % 2 == 0 && token.Length >= 24;
        var base64 = true;
        var padding = 0;
        foreach (var c in token)
        {
            hex &= char.IsAsciiHexDigit(c);
            if (c == '=')
            {
                padding++;
            }
            else if (padding > 0 || !(char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '-' or '_'))
            {
                base64 = false;
            }
        }

        try
        {
            if (hex)
            {
                var text = StrictUtf8.GetString(Convert.FromHexString(token));
                return IsReadable(text) ? text : null;
            }

            if (!base64 || padding > 2)
            {
                return null;
            }

            var normal = token.ToString().Replace('-', '+').Replace('_', '/').TrimEnd('=');
            normal = normal.PadRight(normal.Length + ((4 - (normal.Length % 4)) % 4), '=');
            var bytes = new byte[normal.Length];
            if (!Convert.TryFromBase64String(normal, bytes, out var written))
            {
                return null;
            }

            var decoded = StrictUtf8.GetString(bytes, 0, written);
            return IsReadable(decoded) ? decoded : null;
        }
        catch (Exception e) when (e is FormatException or DecoderFallbackException or ArgumentException)
        {
            return null;
        }
    }

    private static string DecodeEntities(string value)
    {
        var builder = new StringBuilder();
        foreach (var entity in value.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var body = entity.TrimStart('&', '#');
            var code = body.StartsWith('x') || body.StartsWith('X')
                ? int.Parse(body[1..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(body, NumberStyles.None, CultureInfo.InvariantCulture);
            if (code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
            {
                builder.Append(char.ConvertFromUtf32(code));
            }
        }

        return builder.ToString();
    }

    /// <summary>Mostly printable text with a few real words: hidden prose, not binary data or an identifier.</summary>
    private static bool IsReadable(string decoded)
    {
        if (decoded.Length == 0)
        {
            return false;
        }

        var printable = 0;
        var words = 0;
        var letters = 0;
        foreach (var c in decoded)
        {
            printable += char.IsControl(c) && c is not ('\n' or '\r' or '\t') ? 0 : 1;
            if (char.IsLetter(c))
            {
                letters++;
            }
            else
            {
                words += letters >= 2 ? 1 : 0;
                letters = 0;
            }
        }

        words += letters >= 2 ? 1 : 0;
        return printable >= 0.95 * decoded.Length && words >= MinDecodedWords && decoded.Contains(' ', StringComparison.Ordinal);
    }
}
