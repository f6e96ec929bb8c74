namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Remembers the line of every field path read from a YAML file, so later checks can point at it.</summary>
internal sealed class ProfileSourceMap
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public void Record(string path, int line) => _lines.TryAdd(path, line);

    /// <summary>The line of <paramref name="path"/>, or of its nearest recorded parent; 1 when nothing is known.</summary>
    public int LineOf(string path)
    {
        var current = path;
        while (current.Length > 0)
        {
            if (_lines.TryGetValue(current, out var line))
            {
                return line;
            }

            var cut = Math.Max(current.LastIndexOf('.'), current.LastIndexOf('['));
            current = cut > 0 ? current[..cut] : string.Empty;
        }

        return 1;
    }

    public bool Contains(string path) => _lines.ContainsKey(path);
}
