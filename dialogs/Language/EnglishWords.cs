using System.Collections.Frozen;

namespace ScreeningBot.Dialogs.Language;

/// <summary>Closed classes of English words the CEFR features count.</summary>
internal static class EnglishWords
{
    public static readonly FrozenSet<string> Function = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "this", "that", "these", "those", "my", "your", "his", "her", "its", "our", "their", "some", "any", "no",
        "every", "each", "all", "both", "either", "neither", "much", "many", "more", "most", "few", "less", "several", "such",
        "i", "me", "you", "he", "him", "she", "it", "we", "us", "they", "them", "myself", "yourself", "himself", "herself", "itself",
        "ourselves", "themselves", "mine", "yours", "hers", "ours", "theirs", "one", "who", "whom", "whose", "which", "what",
        "where", "when", "why", "how", "whether", "there", "here",
        "be", "am", "is", "are", "was", "were", "been", "being", "have", "has", "had", "having", "do", "does", "did", "done",
        "will", "would", "shall", "should", "can", "could", "may", "might", "must", "ought", "ca", "wo", "sha",
        "and", "or", "but", "nor", "so", "yet", "if", "then", "than", "because", "although", "though", "while", "whereas",
        "unless", "since", "until", "till", "as", "after", "before", "once", "whenever", "wherever", "however",
        "of", "in", "on", "at", "by", "for", "with", "without", "from", "to", "into", "onto", "about", "above", "below", "over",
        "under", "between", "among", "through", "during", "against", "across", "along", "around", "behind", "beyond", "near",
        "off", "out", "up", "down", "upon", "within", "toward", "towards", "via", "per", "like", "not", "also", "very", "too",
        "just", "only", "even", "still", "already", "again", "n't", "'s", "'re", "'ve", "'ll", "'d", "'m",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Relatives = FrozenSet.ToFrozenSet(["which", "who", "whom", "whose", "whereby", "wherein"], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Subordinators = FrozenSet.ToFrozenSet(
    [
        "because", "although", "though", "while", "whereas", "unless", "since", "until", "whether", "if", "once", "whenever",
        "wherever", "despite", "whilst", "lest", "provided", "whereby",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Coordinators = FrozenSet.ToFrozenSet(["and", "but", "or", "nor", "yet"], StringComparer.Ordinal);

    /// <summary>Linking adverbs that tie a sentence to the one before it.</summary>
    public static readonly FrozenSet<string> Connectives = FrozenSet.ToFrozenSet(
    [
        "however", "therefore", "moreover", "furthermore", "nevertheless", "nonetheless", "consequently", "thus", "hence",
        "meanwhile", "otherwise", "instead", "likewise", "similarly", "additionally", "accordingly", "conversely", "overall",
        "first", "firstly", "second", "secondly", "finally", "then", "also", "besides", "indeed", "still",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> Prepositions = FrozenSet.ToFrozenSet(
    [
        "of", "in", "on", "at", "by", "for", "with", "without", "from", "to", "into", "onto", "about", "above", "below", "over",
        "under", "between", "among", "through", "during", "against", "across", "along", "around", "behind", "beyond", "near",
        "upon", "within", "toward", "towards", "via", "per", "despite", "throughout", "amongst",
    ], StringComparer.Ordinal);

    public static readonly FrozenSet<string> BeForms = FrozenSet.ToFrozenSet(["be", "am", "is", "are", "was", "were", "been", "being", "'s", "'re", "'m"], StringComparer.Ordinal);

    /// <summary>Modal verbs and the auxiliaries <c>do</c> and <c>have</c>.</summary>
    public static readonly FrozenSet<string> Auxiliaries = FrozenSet.ToFrozenSet(
        ["will", "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "have", "has", "had", "ca", "wo", "'ll", "'d", "'ve"],
        StringComparer.Ordinal);

    public static readonly FrozenSet<string> Pronouns = FrozenSet.ToFrozenSet(
        ["i", "you", "he", "she", "it", "we", "they", "this", "that", "these", "those", "there"], StringComparer.Ordinal);

    /// <summary>Irregular past participles (the regular ones end in -ed).</summary>
    public static readonly FrozenSet<string> IrregularParticiples = FrozenSet.ToFrozenSet(
    [
        "born", "built", "made", "known", "given", "taken", "seen", "written", "found", "held", "sold", "told", "brought", "bought",
        "won", "lost", "led", "left", "kept", "set", "put", "run", "shown", "grown", "drawn", "thrown", "chosen", "driven",
        "spoken", "broken", "beaten", "begun", "done", "gone", "become", "paid", "laid", "said", "sent", "spent", "taught",
        "thought", "caught", "fought", "hidden", "ridden", "risen", "shot", "struck", "sung", "sunk", "worn", "torn", "forgotten",
        "understood", "meant", "felt", "heard", "hit", "hurt", "cut", "read", "named", "buried", "released", "elected",
    ], StringComparer.Ordinal);
}
