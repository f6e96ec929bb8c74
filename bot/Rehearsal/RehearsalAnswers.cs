using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Bot.Rehearsal;

/// <summary>
/// Scripted answers for a non-interactive rehearsal. Two formats:
/// <list type="bullet">
/// <item>Text (any extension but .yaml/.yml): one answer per line, in prompt order; blank lines and <c>#</c> comments are
/// skipped; <c>\n</c> inside a line is a line break.</item>
/// <item>YAML: a mapping from question id (<c>consent</c>, knockout ids, question ids, <c>blueprint-id.f1</c>…) to an answer or a
/// list of answers (the question first, then its adaptive follow-ups), plus an optional <c>default</c> used for any prompt
/// without an answer left. Robust to follow-ups the judge may or may not ask.</item>
/// </list>
/// </summary>
internal sealed class RehearsalAnswers
{
    private const string DefaultKey = "default";

    private readonly List<string>? _ordered;
    private readonly Dictionary<string, Queue<string>>? _byQuestion;
    private readonly string? _default;
    private int _next;

    private RehearsalAnswers(List<string>? ordered, Dictionary<string, Queue<string>>? byQuestion, string? fallback)
    {
        _ordered = ordered;
        _byQuestion = byQuestion;
        _default = fallback;
    }

    /// <summary>How many answers the file holds (for messages).</summary>
    public int Count => _ordered?.Count ?? _byQuestion!.Values.Sum(q => q.Count);

    /// <summary>Parses a file's text; returns null and an error line when it is malformed.</summary>
    public static RehearsalAnswers? Parse(string path, string text, out string? error)
    {
        error = null;
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".yaml" or ".yml"))
        {
            var lines = text.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select(l => l.Replace("\\n", "\n", StringComparison.Ordinal))
                .ToList();
            return new RehearsalAnswers(lines, null, null);
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                error = $"{path}: expected a mapping of question id to answer (e.g. `consent: yes`).";
                return null;
            }

            var byQuestion = new Dictionary<string, Queue<string>>(StringComparer.OrdinalIgnoreCase);
            string? fallback = null;
            foreach (var (keyNode, valueNode) in root.Children)
            {
                var key = ((YamlScalarNode)keyNode).Value ?? string.Empty;
                var answers = valueNode switch
                {
                    YamlScalarNode scalar => [scalar.Value ?? string.Empty],
                    YamlSequenceNode list when list.Children.All(c => c is YamlScalarNode) => list.Children.Select(c => ((YamlScalarNode)c).Value ?? string.Empty).ToArray(),
                    _ => null,
                };
                if (answers is null)
                {
                    error = $"{path}:{keyNode.Start.Line}: '{key}' must be an answer or a list of answers.";
                    return null;
                }

                if (string.Equals(key, DefaultKey, StringComparison.OrdinalIgnoreCase))
                {
                    fallback = answers[0];
                }
                else
                {
                    byQuestion[key] = new Queue<string>(answers);
                }
            }

            return new RehearsalAnswers(null, byQuestion, fallback);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            error = $"{path}:{e.Start.Line}: invalid YAML ({e.Message}).";
            return null;
        }
    }

    /// <summary>The answer to the prompt with id <paramref name="questionId"/>, or null when the script has none.</summary>
    public string? Next(string? questionId)
    {
        if (_ordered is not null)
        {
            return _next < _ordered.Count ? _ordered[_next++] : null;
        }

        return questionId is not null && _byQuestion!.TryGetValue(questionId, out var queue) && queue.Count > 0
            ? queue.Dequeue()
            : _default;
    }
}
