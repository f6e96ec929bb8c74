namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// One problem found in a profile or question-bank file: where it is, what is wrong and how to fix it.
/// Loading collects every error of a file and reports them together.
/// </summary>
/// <param name="File">The file as the caller named it (e.g. <c>profiles/backend-senior.yaml</c>).</param>
/// <param name="Line">1-based line; 0 when the problem is about the whole file (unreadable, too large).</param>
/// <param name="Field">Field path such as <c>customQuestions[2].skills[0]</c>; empty for file-level problems.</param>
/// <param name="Message">What is wrong, as one sentence.</param>
/// <param name="Fix">How to fix it, as one sentence.</param>
public sealed record ProfileError(string File, int Line, string Field, string Message, string Fix)
{
    /// <summary>One line: <c>file:line: field: message Fix: fix</c>.</summary>
    public override string ToString()
    {
        var location = Line > 0 ? $"{File}:{Line}" : File;
        var field = Field.Length > 0 ? $" {Field}:" : string.Empty;
        return $"{location}:{field} {EndSentence(Message)} Fix: {EndSentence(Fix)}";
    }

    private static string EndSentence(string text) =>
        text.Length == 0 || text[^1] is '.' or '?' or '!' ? text : text + ".";
}
