using System.Text;

namespace ScreeningBot.Dialogs.Judging;

/// <summary>Folding: the copy of a text the patterns read, with hiding tricks undone.</summary>
internal static partial class PromptInjectionDetector
{
    /// <summary>Separators people put between single letters to hide a word from filters ("i g n o r e", "i|g|n|o|r|e").</summary>
    private const string LetterSeparators = " |.-_*/+,:~";

    /// <summary>Single letters in a row, each followed by the same separator, that are read as one word.</summary>
    private const int SplitLetterRun = 4;

    private readonly record struct FoldResult(
        int Length, int HiddenCount, int TagOrBidiCount, int FirstHidden, int MixedScriptWords, int FirstMixedScript, bool PipesInWords);

    /// <summary>
    /// Writes the folded text into <paramref name="output"/> with each char's source offset in <paramref name="map"/>.
    /// A pipe between two letters reads as a space ("ignore|previous"), or with <paramref name="joinPipes"/> as
    /// nothing ("ig|nore").
    /// </summary>
    private static FoldResult Fold(string text, char[] output, int[] map, bool joinPipes)
    {
        var pipesInWords = false;
        var length = 0;
        var hidden = 0;
        var tagOrBidi = 0;
        var firstHidden = -1;
        Span<char> encoded = stackalloc char[2];
        var i = 0;
        while (i < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed);
            var value = rune.Value;
            if (value is >= 0xE0000 and <= 0xE007F)
            {
                // Unicode tag characters: invisible copies of ASCII used to smuggle instructions. Decode them.
                tagOrBidi++;
                firstHidden = firstHidden < 0 ? i : firstHidden;
                if (value is >= 0xE0020 and <= 0xE007E && length < output.Length)
                {
                    output[length] = char.ToLowerInvariant((char)(value - 0xE0000));
                    map[length++] = i;
                }
            }
            else if (IsBidiControl(value))
            {
                tagOrBidi++;
                firstHidden = firstHidden < 0 ? i : firstHidden;
            }
            else if (IsInvisible(rune))
            {
                // A zero-width joiner inside an emoji sequence is normal; count only those next to word characters.
                if (value != 0x200D || (length > 0 && char.IsLetterOrDigit(output[length - 1])))
                {
                    hidden++;
                    firstHidden = firstHidden < 0 ? i : firstHidden;
                }
            }
            else if (Rune.IsWhiteSpace(rune))
            {
                // One character per whitespace run (a newline if the run has one), so patterns and windows see short gaps.
                var newline = value is '\n' or '\r' or 0x2028 or 0x2029;
                if (length > 0 && output[length - 1] is ' ' or '\n')
                {
                    output[length - 1] = newline ? '\n' : output[length - 1];
                }
                else if (length < output.Length)
                {
                    output[length] = newline ? '\n' : ' ';
                    map[length++] = i;
                }
            }
            else if (value == '|' && i > 0 && i + 1 < text.Length && char.IsLetter(text[i - 1]) && char.IsLetter(text[i + 1]))
            {
                pipesInWords = true;
                if (!joinPipes && length < output.Length)
                {
                    output[length] = ' ';
                    map[length++] = i;
                }
            }
            else
            {
                var folded = FoldRune(rune);
                var written = folded.EncodeToUtf16(encoded);
                for (var k = 0; k < written && length < output.Length; k++)
                {
                    output[length] = encoded[k];
                    map[length++] = i;
                }
            }

            i += consumed;
        }

        var (mixed, firstMixed) = FoldMixedScriptWords(output.AsSpan(0, length), map);
        FoldLeetWords(output.AsSpan(0, length));
        length = JoinSplitLetters(text, output, map, length);
        return new FoldResult(length, hidden, tagOrBidi, firstHidden, mixed, firstMixed, pipesInWords);
    }

    /// <summary>
    /// In words that mix letters and digits ("1gn0r3", "g1v3"), reads each digit as the letter it imitates. Real words
    /// with digits ("p99", "ec2") become nonsense no pattern looks for, so nothing is lost.
    /// </summary>
    private static void FoldLeetWords(Span<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            bool letter = false, digit = false;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                letter |= char.IsAsciiLetter(text[i]);
                digit |= char.IsAsciiDigit(text[i]);
                i++;
            }

            if (!letter || !digit)
            {
                continue;
            }

            for (var k = start; k < i; k++)
            {
                text[k] = text[k] switch
                {
                    '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '8' => 'b', '9' => 'g',
                    var c => c,
                };
            }
        }
    }

    /// <summary>
    /// Joins runs of at least <see cref="SplitLetterRun"/> single letters split by one repeated separator
    /// ("i g n o r e", "i.g.n.o.r.e") into a word; a different separator or a longer gap ends the word. Compacts
    /// <paramref name="output"/> and <paramref name="map"/> in place and returns the new length.
    /// </summary>
    private static int JoinSplitLetters(string text, char[] output, int[] map, int length)
    {
        var read = 0;
        var write = 0;
        while (read < length)
        {
            var run = SplitRunLength(text, output, map, read, length, out var separator);
            if (run >= SplitLetterRun)
            {
                for (var k = 0; k < run; k++)
                {
                    output[write] = output[read + (2 * k)];
                    map[write++] = map[read + (2 * k)];
                }

                read += (2 * run) - 1;
                if (read < length && output[read] == separator && separator != ' ')
                {
                    read++;
                    if (read < length && output[read] != ' ')
                    {
                        output[write] = ' ';
                        map[write++] = map[read - 1];
                    }
                }

                continue;
            }

            output[write] = output[read];
            map[write++] = map[read++];
        }

        return write;
    }

    /// <summary>
    /// How many single letters, each followed by the same separator, start at <paramref name="start"/>. A letter of another
    /// case than the first ends the run ("i n s t r u c t i o n s I would…": the "I" starts the next word).
    /// </summary>
    private static int SplitRunLength(string source, char[] text, int[] map, int start, int length, out char separator)
    {
        separator = '\0';
        if (!IsSingleLetter(text, start, length) || (start > 0 && char.IsLetterOrDigit(text[start - 1])))
        {
            return 0;
        }

        var count = 1;
        var at = start;
        var upper = char.IsUpper(source[map[start]]);
        while (at + 2 < length && LetterSeparators.Contains(text[at + 1], StringComparison.Ordinal)
            && (separator == '\0' || text[at + 1] == separator) && map[at + 2] - map[at] == 2 && char.IsLetter(text[at + 2])
            && (at + 3 >= length || !char.IsLetterOrDigit(text[at + 3])) && char.IsUpper(source[map[at + 2]]) == upper)
        {
            separator = text[at + 1];
            count++;
            at += 2;
        }

        return count;
    }

    private static bool IsSingleLetter(char[] text, int at, int length) =>
        char.IsLetter(text[at]) && (at + 1 >= length || !char.IsLetterOrDigit(text[at + 1]));

    /// <summary>
    /// In words that mix ASCII letters with Cyrillic or Greek look-alikes ("іgnоre"), replaces the look-alikes by
    /// the ASCII letters they imitate. Words written wholly in Cyrillic or Greek are real words and stay as they are.
    /// </summary>
    private static (int Count, int First) FoldMixedScriptWords(Span<char> text, int[] map)
    {
        var count = 0;
        var first = -1;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            bool ascii = false, lookAlike = false;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                ascii |= char.IsAsciiLetter(text[i]);
                lookAlike |= LookAlike(text[i]) != '\0';
                i++;
            }

            if (ascii && lookAlike)
            {
                count++;
                first = first < 0 ? map[start] : first;
                for (var k = start; k < i; k++)
                {
                    var latin = LookAlike(text[k]);
                    if (latin != '\0')
                    {
                        text[k] = latin;
                    }
                }
            }
        }

        return (count, first);
    }

    private static Rune FoldRune(Rune rune)
    {
        var value = rune.Value;
        return value switch
        {
            // Fullwidth ASCII (ｉｇｎｏｒｅ).
            >= 0xFF01 and <= 0xFF5E => new Rune(char.ToLowerInvariant((char)(value - 0xFEE0))),

            // Mathematical alphanumeric letters (𝐢𝐠𝐧𝐨𝐫𝐞): 13 styles of A–Z a–z, then digits.
            >= 0x1D400 and <= 0x1D6A3 => new Rune((char)('a' + ((value - 0x1D400) % 52 % 26))),
            >= 0x1D7CE and <= 0x1D7FF => new Rune((char)('0' + ((value - 0x1D7CE) % 10))),

            // Circled letters (ⓘⓖⓝⓞⓡⓔ).
            >= 0x24B6 and <= 0x24CF => new Rune((char)('a' + (value - 0x24B6))),
            >= 0x24D0 and <= 0x24E9 => new Rune((char)('a' + (value - 0x24D0))),
            _ => Rune.ToLowerInvariant(rune),
        };
    }

    /// <summary>The ASCII letter a lowercase Cyrillic or Greek letter imitates, or '\0'.</summary>
    private static char LookAlike(char c) => c switch
    {
        'а' => 'a', 'в' => 'b', 'е' => 'e', 'ё' => 'e', 'к' => 'k', 'м' => 'm', 'н' => 'h', 'о' => 'o', 'р' => 'p',
        'с' => 'c', 'т' => 't', 'у' => 'y', 'х' => 'x', 'і' => 'i', 'ї' => 'i', 'ј' => 'j', 'ѕ' => 's', 'ԁ' => 'd',
        'ԛ' => 'q', 'ԝ' => 'w', 'һ' => 'h', 'ӏ' => 'l',
        'α' => 'a', 'β' => 'b', 'ε' => 'e', 'η' => 'n', 'ι' => 'i', 'κ' => 'k', 'ν' => 'v', 'ο' => 'o', 'ρ' => 'p',
        'τ' => 't', 'υ' => 'u', 'χ' => 'x', 'ϲ' => 'c', 'ϳ' => 'j',
        _ => '\0',
    };

    private static bool IsBidiControl(int value) => value is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    private static bool IsInvisible(Rune rune)
    {
        var value = rune.Value;
        return value is (>= 0x200B and <= 0x200F) or (>= 0x2060 and <= 0x2064) or 0xFEFF or 0x00AD or 0x180E or 0x034F
            or (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF) or 0x115F or 0x1160 or 0x3164 or 0xFFA0
            || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format;
    }
}
