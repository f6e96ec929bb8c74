namespace ScreeningBot.Dialogs.Profiles;

/// <summary>The file being read, the errors found so far and the line of every field path.</summary>
internal sealed class YamlReadContext(string file)
{
    private readonly List<ProfileError> _errors = [];

    public string File { get; } = file;

    public ProfileSourceMap Map { get; } = new();

    public IReadOnlyList<ProfileError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public void Error(int line, string field, string message, string fix) =>
        _errors.Add(new ProfileError(File, line, field, message, fix));

    /// <summary>Reports an error at the recorded line of <paramref name="field"/>.</summary>
    public void ErrorAt(string field, string message, string fix) => Error(Map.LineOf(field), field, message, fix);
}
