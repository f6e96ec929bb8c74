using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Bot.Cli;

/// <summary>One hand-labelled item: a candidate's answers to a question (and its follow-ups) and a label per knowledge area.</summary>
/// <param name="Answers">Answer text by question id, in file order.</param>
/// <param name="Labels">The expected status of each labelled area: covered, touched or absent.</param>
internal sealed record AreaCoverageItem(string Id, string Split, int Line, IReadOnlyList<KeyValuePair<string, string>> Answers, IReadOnlyList<(string Area, string Label, int Line)> Labels);

/// <summary>Thrown for an unreadable or malformed set, with the file, line and what to fix.</summary>
internal sealed class AreaCoverageSetException(string message) : Exception(message);

/// <summary>
/// The knowledge-area coverage set (<c>tests/ScreeningBot.Dialogs.Tests/Judging/area-coverage.yaml</c>): realistic
/// answers, each knowledge area labelled covered, touched or absent by hand, split dev/test by item. Read and validated
/// here; <see cref="AreaCoverageEvaluator"/> runs the judge over it.
/// </summary>
internal static class AreaCoverageSet
{
    public const string RelativePath = "tests/ScreeningBot.Dialogs.Tests/Judging/area-coverage.yaml";

    public const long MaxFileBytes = 4L * 1024 * 1024;

    public static readonly string[] Splits = ["dev", "test"];

    public static readonly string[] LabelNames = ["covered", "touched", "absent"];

    /// <summary>The set in the repository: <see cref="RelativePath"/> under one of the directories or their parents; null when none has it.</summary>
    public static string? Locate(IEnumerable<string> startDirectories)
    {
        ArgumentNullException.ThrowIfNull(startDirectories);
        foreach (var start in startDirectories)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    public static async Task<IReadOnlyList<AreaCoverageItem>> LoadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new AreaCoverageSetException($"{path} does not exist");
        }

        if (info.Length > MaxFileBytes)
        {
            throw new AreaCoverageSetException($"{path} is {info.Length:N0} bytes; the limit is {MaxFileBytes:N0}");
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new AreaCoverageSetException($"{path}:{e.Start.Line}: not valid YAML ({e.Message})");
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("items"), out var itemsNode) || itemsNode is not YamlSequenceNode items)
        {
            throw new AreaCoverageSetException($"{path}: expected one document with `items:` holding a list");
        }

        var result = new List<AreaCoverageItem>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in items)
        {
            var item = ReadItem(path, node);
            if (!ids.Add(item.Id))
            {
                throw new AreaCoverageSetException($"{path}:{item.Line}: id \"{item.Id}\" is used twice; give each item its own id");
            }

            result.Add(item);
        }

        return result;
    }

    private static AreaCoverageItem ReadItem(string path, YamlNode node)
    {
        var line = (int)node.Start.Line;
        if (node is not YamlMappingNode mapping)
        {
            throw new AreaCoverageSetException($"{path}:{line}: an item must be a mapping with id, split, answers and labels");
        }

        var id = Scalar(path, mapping, "id", line);
        var split = Scalar(path, mapping, "split", line);
        if (!Splits.Contains(split, StringComparer.Ordinal))
        {
            throw new AreaCoverageSetException($"{path}:{line}: item \"{id}\" has split \"{split}\"; use dev or test");
        }

        var answers = Pairs(path, mapping, "answers", id, line);
        if (answers.Count == 0)
        {
            throw new AreaCoverageSetException($"{path}:{line}: item \"{id}\" has no answers; add `answers:` keyed by question id");
        }

        var labels = new List<(string, string, int)>();
        foreach (var (area, label, labelLine) in PairsWithLines(path, mapping, "labels", id, line))
        {
            if (!LabelNames.Contains(label, StringComparer.Ordinal))
            {
                throw new AreaCoverageSetException($"{path}:{labelLine}: label \"{label}\" of area \"{area}\" is not covered, touched or absent");
            }

            labels.Add((area, label, labelLine));
        }

        if (labels.Count == 0)
        {
            throw new AreaCoverageSetException($"{path}:{line}: item \"{id}\" has no labels; add `labels:` with one knowledge area per line");
        }

        return new AreaCoverageItem(id, split, line, [.. answers.Select(a => new KeyValuePair<string, string>(a.Key, a.Value))], labels);
    }

    private static string Scalar(string path, YamlMappingNode mapping, string key, int line) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text.Trim()
            : throw new AreaCoverageSetException($"{path}:{line}: the item needs `{key}:` with a value");

    private static List<KeyValuePair<string, string>> Pairs(string path, YamlMappingNode mapping, string key, string id, int line) =>
        [.. PairsWithLines(path, mapping, key, id, line).Select(p => new KeyValuePair<string, string>(p.Key, p.Value))];

    private static List<(string Key, string Value, int Line)> PairsWithLines(string path, YamlMappingNode mapping, string key, string id, int line)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is not YamlMappingNode pairs)
        {
            throw new AreaCoverageSetException($"{path}:{node.Start.Line}: `{key}` of item \"{id}\" must be a mapping");
        }

        var result = new List<(string, string, int)>();
        foreach (var (k, v) in pairs.Children)
        {
            if (k is not YamlScalarNode { Value: { Length: > 0 } name } || v is not YamlScalarNode { Value: { Length: > 0 } value })
            {
                throw new AreaCoverageSetException($"{path}:{k.Start.Line}: every entry of `{key}` in item \"{id}\" must be `name: text`");
            }

            result.Add((name.Trim(), value.Trim(), (int)k.Start.Line));
        }

        return result;
    }
}
