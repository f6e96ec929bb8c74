using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Reads <c>knowledgeAreas:</c>, whose items are either the area's name or a mapping with the name and the phrasings
/// that show it:
/// <code>
/// knowledgeAreas:
///   - consistency
///   - name: incremental extraction
///     signals: [strangler-fig, one service at a time, extract* first]
/// </code>
/// Signals are checked by <see cref="ProfileValidator.CheckKnowledgeAreas"/> as they are read, so bank files get the
/// same errors as profiles.
/// </summary>
internal static class KnowledgeAreaReader
{
    public const string Key = "knowledgeAreas";

    public static (IReadOnlyList<string> Names, IReadOnlyList<KnowledgeAreaSignals> Signals) Read(YamlFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var signals = new List<KnowledgeAreaSignals>();
        var signalPaths = new List<string>();
        var names = fields.List(Key, ProfileLimits.MaxKnowledgeAreas, (node, path) => ReadArea(node, path, fields.Context, signals, signalPaths));
        ProfileValidator.CheckKnowledgeAreas(names, fields.PathOf(Key), signals, signalPaths, fields.Context);
        return (names, signals);
    }

    private static string ReadArea(YamlNode node, string path, YamlReadContext context, List<KnowledgeAreaSignals> signals, List<string> signalPaths)
    {
        if (node is not YamlMappingNode)
        {
            return YamlFields.ItemText(node, path, ProfileLimits.MaxNameLength, context) ?? string.Empty;
        }

        var fields = YamlFields.Read(node, path, context, ProfileFields.KnowledgeArea)!;
        var name = fields.Text("name", ProfileLimits.MaxNameLength, required: true) ?? string.Empty;
        var list = fields.TextList("signals", ProfileLimits.MaxSignals, ProfileLimits.MaxSignalLength);
        if (!fields.Has("signals"))
        {
            fields.Missing("signals", "add `signals:` with the phrasings that show the area, or write the area as plain text (`- " + (name.Length > 0 ? name : "area name") + "`)");
        }
        else if (list.Count == 0)
        {
            context.Error(fields.LineOf("signals"), fields.PathOf("signals"), "is empty", "list the phrasings that show the area, such as [strangler-fig, one service at a time]");
        }

        if (name.Length > 0 && list.Count > 0)
        {
            signals.Add(new KnowledgeAreaSignals(name, list));
            signalPaths.Add(fields.PathOf("signals"));
        }

        return name;
    }
}
