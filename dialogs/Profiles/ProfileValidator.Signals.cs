using ScreeningBot.Dialogs.Judging;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Rules for <c>signals:</c> of knowledge areas and competencies.</summary>
internal static partial class ProfileValidator
{
    private const string SignalSyntax =
        "write the words to look for separated by spaces (any order), a|b for alternatives, word* for a prefix, on-call or \"one at a time\" for words that must be adjacent, and a leading ~ for a bare mention that only touches the area";

    /// <summary>
    /// Knowledge areas of one question: names listed once, and every signal a valid pattern, listed once per area.
    /// Called by the readers, so question-bank entries are checked too.
    /// </summary>
    public static void CheckKnowledgeAreas(IReadOnlyList<string> names, string path, IReadOnlyList<KnowledgeAreaSignals> signals, IReadOnlyList<string> signalPaths, YamlReadContext context)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(signalPaths);
        ArgumentNullException.ThrowIfNull(context);
        var first = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i].Length == 0)
            {
                continue;
            }

            if (first.TryGetValue(names[i], out var j))
            {
                context.ErrorAt($"{path}[{i}]", $"knowledge area \"{names[i]}\" is listed twice (first as {path}[{j}])", "list each area once; merge their signals if both had some");
            }
            else
            {
                first[names[i]] = i;
            }
        }

        for (var k = 0; k < signals.Count; k++)
        {
            CheckSignals(signals[k].Signals, signalPaths[k], "knowledge-area signal", context, behaviour: false);
        }
    }

    /// <summary>
    /// Competency signals describe a behaviour ("wrote postmortem", "explained|presented product manager|customer*"), so
    /// a single noun such as "customers" is refused: any answer mentioning customers would pass the competency.
    /// </summary>
    private static void CheckCompetencySignals(Profile profile, YamlReadContext context)
    {
        for (var i = 0; i < profile.Competencies.Count; i++)
        {
            CheckSignals(profile.Competencies[i].Signals, $"competencies[{i}].signals", "competency signal", context, behaviour: true);
        }
    }

    private static void CheckSignals(IReadOnlyList<string> signals, string path, string what, YamlReadContext context, bool behaviour)
    {
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            var itemPath = $"{path}[{i}]";
            if (signal.Length == 0)
            {
                continue;
            }

            if (seen.TryGetValue(signal, out var firstIndex))
            {
                context.ErrorAt(itemPath, $"{what} \"{signal}\" is listed twice (first as {path}[{firstIndex}])", "list each signal once");
                continue;
            }

            seen[signal] = i;
            var pattern = SignalPattern.Parse(signal, out var problem);
            if (pattern is null)
            {
                context.ErrorAt(itemPath, $"{what} \"{signal}\" {problem}", SignalSyntax);
            }
            else if (behaviour && pattern.TouchOnly)
            {
                context.ErrorAt(itemPath, $"{what} \"{signal}\" starts with ~, which only knowledge-area signals use", "remove the ~: a competency is evidenced or not");
            }
            else if (behaviour && pattern.IsSingleSlot)
            {
                context.ErrorAt(itemPath, $"{what} \"{signal}\" is a single word or term, so any answer that merely mentions it would count as evidence",
                    "describe the behaviour: the action and what it acts on, such as \"explained|presented plan|risk product manager|customer*\" or \"wrote postmortem\"");
            }
        }
    }
}
