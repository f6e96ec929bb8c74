using System.Diagnostics.CodeAnalysis;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// The shared blueprint questions from <c>profiles/bank/*.yaml</c> that profiles reference with
/// <c>- ref: &lt;id&gt;</c>. Holds only entries that passed validation; the ids of invalid entries are kept so
/// a reference to one is reported as "has errors" rather than "unknown". Immutable and thread-safe.
/// </summary>
public sealed class QuestionBank
{
    private readonly Dictionary<string, Blueprint> _byId;
    private readonly Dictionary<string, string> _canonical;
    private readonly Dictionary<string, string> _invalidFiles;

    internal QuestionBank(IEnumerable<Blueprint> blueprints, IReadOnlyDictionary<string, string> canonical, IReadOnlyDictionary<string, string> invalidFiles)
    {
        Blueprints = [.. blueprints];
        _byId = Blueprints.ToDictionary(b => b.Id, StringComparer.Ordinal);
        _canonical = new(canonical, StringComparer.Ordinal);
        _invalidFiles = new(invalidFiles, StringComparer.Ordinal);
    }

    public static QuestionBank Empty { get; } = new([], new Dictionary<string, string>(), new Dictionary<string, string>());

    /// <summary>Valid entries in file-name order, then file order. Follow-up ids are <c>&lt;id&gt;.f1</c>, <c>.f2</c>, ….</summary>
    public IReadOnlyList<Blueprint> Blueprints { get; }

    public int Count => Blueprints.Count;

    public IEnumerable<string> Ids => Blueprints.Select(b => b.Id);

    public bool TryGet(string id, [MaybeNullWhen(false)] out Blueprint blueprint)
    {
        ArgumentNullException.ThrowIfNull(id);
        return _byId.TryGetValue(id, out blueprint);
    }

    /// <summary>The bank file of an entry that exists but has errors; null otherwise.</summary>
    internal string? FileOf(string invalidId) => _invalidFiles.GetValueOrDefault(invalidId);

    /// <summary>A canonical text of the entry as written (independent of line endings, indentation and comments), for content hashes.</summary>
    internal string CanonicalText(string id) => _canonical[id];
}
