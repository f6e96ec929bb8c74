using System.Collections.Frozen;
using System.Globalization;

namespace ScreeningBot.Dialogs.Language;

/// <summary>
/// How common English words are: the 50,000 most frequent words of SUBTLEX-US (<c>Data/subtlex-us-50k.tsv</c>,
/// source and licence in <c>Data/NOTICE.md</c>), embedded in the assembly and loaded once.
/// </summary>
internal sealed class WordFrequencyList
{
    /// <summary>Words counted in the whole SUBTLEX-US package the list was cut from.</summary>
    public const double CorpusWords = 49_719_560;

    /// <summary>Zipf value given to a word the list does not have (rarer than its last entries, which are seen 3 times).</summary>
    public const double UnknownZipf = 1.0;

    private const string ResourceName = "ScreeningBot.Dialogs.Language.subtlex-us-50k.tsv";

    private static readonly Lazy<WordFrequencyList> Shared = new(Load);

    private readonly FrozenDictionary<string, (int Rank, double Zipf)> _words;

    private WordFrequencyList(FrozenDictionary<string, (int Rank, double Zipf)> words) => _words = words;

    public static WordFrequencyList English => Shared.Value;

    public int Count => _words.Count;

    /// <summary>True when the (lower-case) word is in the list.</summary>
    public bool Contains(string word) => _words.ContainsKey(word);

    /// <summary>
    /// Zipf frequency of a lower-case word: log10 of its occurrences per billion words (7 for "the", 3 for a word
    /// seen once per million, about 1.8 for the list's last entries); <see cref="UnknownZipf"/> for a word not listed.
    /// </summary>
    public double Zipf(string word) => _words.TryGetValue(word, out var entry) ? entry.Zipf : UnknownZipf;

    /// <summary>1-based frequency rank of a lower-case word, or null when the list does not have it.</summary>
    public int? Rank(string word) => _words.TryGetValue(word, out var entry) ? entry.Rank : null;

    private static WordFrequencyList Load()
    {
        using var stream = typeof(WordFrequencyList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded word list {ResourceName} is missing; check the EmbeddedResource item in ScreeningBot.Dialogs.csproj.");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, (int, double)>(50_000, StringComparer.Ordinal);
        var perBillion = Math.Log10(1e9 / CorpusWords);
        while (reader.ReadLine() is { } line)
        {
            var tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || !long.TryParse(line.AsSpan(tab + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count <= 0)
            {
                throw new InvalidOperationException($"The embedded word list {ResourceName} has a malformed line {words.Count + 1}: expected word<TAB>count.");
            }

            words.TryAdd(line[..tab], (words.Count + 1, Math.Log10(count) + perBillion));
        }

        return new WordFrequencyList(words.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
