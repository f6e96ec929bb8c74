using ScreeningBot.Dialogs.Profiles;

namespace ScreeningBot.Dialogs.Scoring;

/// <summary>
/// A rough, offline CEFR estimate from written answers: sentence length, vocabulary variety, long words and
/// subordinating connectors. It separates "a few words" from "fluent paragraphs" reasonably well and is shown
/// as an estimate; the LLM judge can do better.
/// </summary>
public static class LanguageLevelEstimator
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        // English, German, French, Spanish, Dutch, Italian, Portuguese: the usual subordinators and linkers.
        "because", "although", "however", "therefore", "whereas", "unless", "while", "since", "moreover", "which",
        "weil", "obwohl", "jedoch", "deshalb", "dass", "wenn", "während", "trotzdem", "außerdem", "sondern",
        "parce", "bien", "cependant", "donc", "lorsque", "pourtant", "puisque", "quand", "dont",
        "porque", "aunque", "embargo", "cuando", "mientras", "además", "entonces", "cual",
        "omdat", "hoewel", "echter", "daarom", "terwijl", "perché", "sebbene", "tuttavia", "quindi", "embora", "portanto",
    };

    public static CefrLevel Estimate(IEnumerable<string> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var words = new List<string>();
        var sentences = 0;
        foreach (var answer in answers)
        {
            var text = answer.Length > 10_000 ? answer[..10_000] : answer;
            sentences += Math.Max(1, text.Count(c => c is '.' or '!' or '?'));
            words.AddRange(text.Split((char[])[' ', '\n', '\t', ',', '.', ';', ':', '!', '?', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries));
        }

        if (words.Count < 8)
        {
            return CefrLevel.A1;
        }

        var sample = words.Take(200).Select(w => w.ToLowerInvariant()).ToArray();
        var variety = (double)sample.Distinct().Count() / sample.Length;
        var sentenceLength = (double)words.Count / sentences;
        var longWords = (double)words.Count(w => w.Length >= 7) / words.Count;
        var connectors = (double)words.Count(Connectors.Contains) / sentences;

        var score = 0.0;
        score += Math.Min(words.Count, 150) / 150.0 * 1.5;      // enough to say
        score += Math.Clamp((sentenceLength - 5) / 12, 0, 1) * 1.2; // builds longer sentences
        score += Math.Clamp((variety - 0.4) / 0.35, 0, 1) * 1.0;   // varied vocabulary
        score += Math.Clamp(longWords / 0.3, 0, 1) * 0.8;          // precise words
        score += Math.Clamp(connectors / 0.8, 0, 1) * 1.0;         // links ideas
        return score switch
        {
            < 1.2 => CefrLevel.A1,
            < 2.0 => CefrLevel.A2,
            < 2.8 => CefrLevel.B1,
            < 3.6 => CefrLevel.B2,
            < 4.4 => CefrLevel.C1,
            _ => CefrLevel.C2,
        };
    }
}
