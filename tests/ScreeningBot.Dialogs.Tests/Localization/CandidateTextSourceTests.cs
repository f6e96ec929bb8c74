using System.Text.RegularExpressions;
using ScreeningBot.Testing;

namespace ScreeningBot.Dialogs.Tests.Localization;

/// <summary>
/// An architecture rule over the source: the code that talks to candidates (dialogs/Screening, dialogs/Waterfall) holds no
/// sentence of its own; every candidate-facing text is in dialogs/Localization/Texts. Exception messages, regexes and
/// the few words that are data, not prose, are allowed.
/// </summary>
public sealed partial class CandidateTextSourceTests
{
    private static readonly string[] Folders = ["dialogs/Screening", "dialogs/Waterfall"];

    /// <summary>Literals that look like prose but are not said to a candidate, each with the reason.</summary>
    private static readonly Dictionary<string, string> Allowed = new(StringComparer.Ordinal)
    {
        ["resume (message while paused)"] = "a log field value (DialogsLog.CandidateCommand), never sent",
        ["The candidate skipped this question."] = "a red flag in the judgment, shown to recruiters (in English, the workspace language)",
        ["received before the question was asked"] = "a log field value (DialogsLog.AnswerCrossed), never sent",
        ["sent no later than the message the question followed"] = "a log field value (DialogsLog.AnswerCrossed), never sent",
    };

    [Fact]
    public void CandidateFacingCode_HasNoProseStringLiterals()
    {
        var offenders = new List<string>();
        foreach (var file in Folders.SelectMany(f => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, f), "*.cs", SearchOption.AllDirectories)))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var code = LineComment().Replace(line, string.Empty);
                if (code.TrimStart().StartsWith("///", StringComparison.Ordinal)
                    || code.TrimStart().StartsWith('[')
                    || code.Contains("Exception(", StringComparison.Ordinal)
                    || code.Contains("[GeneratedRegex", StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (Match literal in StringLiteral().Matches(code))
                {
                    var text = literal.Groups["text"].Value;
                    if (Prose().IsMatch(text) && !Allowed.ContainsKey(text))
                    {
                        offenders.Add($"{Path.GetRelativePath(RepositoryPaths.Root, file)}:{i + 1}: \"{text}\"");
                    }
                }
            }
        }

        Assert.True(offenders.Count == 0, "Candidate-facing text belongs in dialogs/Localization/Texts/*.json (README \"Languages\"):\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void Scan_FindsAProseLiteral()
    {
        // The rule must be able to fail: the same patterns flag a sentence like the ones that used to live in ScreeningText.
        var code = LineComment().Replace("step.Say(\"Thank you! Let's begin.\"); // a comment \"Not this one\"", string.Empty);

        var found = StringLiteral().Matches(code).Select(m => m.Groups["text"].Value).Where(t => Prose().IsMatch(t)).ToArray();

        Assert.Equal(["Thank you! Let's begin."], found);
    }

    /// <summary>Two or more words of letters separated by a space: a sentence or a phrase, not an id, key or format.</summary>
    [GeneratedRegex(@"\p{L}{2,}[,;:!?']?\s+\p{L}+", RegexOptions.CultureInvariant)]
    private static partial Regex Prose();

    [GeneratedRegex("\\$?@?\"(?<text>(?:[^\"\\\\]|\\\\.)*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex StringLiteral();

    [GeneratedRegex("//(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$).*$", RegexOptions.CultureInvariant)]
    private static partial Regex LineComment();
}
