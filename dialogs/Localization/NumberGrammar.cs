using System.Text.RegularExpressions;

namespace ScreeningBot.Dialogs.Localization;

/// <summary>
/// Numbers written as words in one language: single words and short phrases, tens and ones combined the language's way
/// ("twenty five", "fünfundzwanzig", "treinta y cinco"), an article that means one only before a unit ("a year"), and
/// halves ("five and a half", "sechseinhalb", "seis y medio").
/// </summary>
internal sealed partial class NumberGrammar
{
    private const int MaxPhraseWords = 3;
    private readonly Dictionary<string, decimal> _phrases = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _articles;
    private readonly HashSet<string> _units;
    private readonly string[] _halfAfter;
    private readonly string[] _halfSuffixes;

    public NumberGrammar(NumberWordsResource words)
    {
        ArgumentNullException.ThrowIfNull(words);
        foreach (var (word, value) in words.Words)
        {
            _phrases[Phrases.Key(word)] = value;
        }

        _articles = Phrases.Set(words.Articles);
        _units = Phrases.Set(words.UnitWords);
        _halfAfter = [.. words.HalfAfter.Select(Phrases.Key)];
        _halfSuffixes = [.. words.HalfSuffixes.Select(Phrases.Key)];

        var tens = words.Words.Where(w => w.Value is >= 20 and < 100 && w.Value % 10 == 0).ToArray();
        var ones = words.Words.Where(w => w.Value is >= 1 and <= 9 && w.Value % 1 == 0)
            .Concat(words.Articles.Select(a => new KeyValuePair<string, decimal>(a, 1)))
            .ToArray();
        foreach (var compound in words.Compounds)
        {
            foreach (var (tenWord, ten) in tens)
            {
                foreach (var (oneWord, one) in ones)
                {
                    var phrase = Phrases.Key(compound.Replace("{tens}", tenWord, StringComparison.Ordinal).Replace("{ones}", oneWord, StringComparison.Ordinal));
                    _phrases.TryAdd(phrase, ten + one);
                }
            }
        }
    }

    /// <summary>The first number written in words in <paramref name="text"/> (lower case), or null.</summary>
    public decimal? Parse(string text)
    {
        var words = WordPattern().Matches(text).Select(m => m.Value).ToArray();
        decimal? value = null;
        for (var i = 0; i < words.Length && value is null; i++)
        {
            for (var length = Math.Min(MaxPhraseWords, words.Length - i); length >= 2 && value is null; length--)
            {
                if (_phrases.TryGetValue(string.Join(' ', words, i, length), out var phrase))
                {
                    value = phrase;
                }
            }

            if (value is not null)
            {
                break;
            }

            var word = words[i];
            if (_articles.Contains(word))
            {
                if (i + 1 < words.Length && _units.Contains(words[i + 1]))
                {
                    value = 1;
                }
            }
            else if (_phrases.TryGetValue(word, out var single))
            {
                value = single;
            }
            else if (_halfSuffixes.FirstOrDefault(s => word.Length > s.Length && word.EndsWith(s, StringComparison.OrdinalIgnoreCase)) is { } suffix
                && _phrases.TryGetValue(word[..^suffix.Length], out var whole))
            {
                return whole + 0.5m;
            }
        }

        if (value is { } found && _halfAfter.Length > 0)
        {
            var joined = $" {string.Join(' ', words)} ";
            if (_halfAfter.Any(h => joined.Contains($" {h} ", StringComparison.OrdinalIgnoreCase)))
            {
                return found + 0.5m;
            }
        }

        return value;
    }

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Timeout.Infinite)]
    private static partial Regex WordPattern();
}
