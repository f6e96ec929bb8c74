using ScreeningBot.Dialogs.Judging;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Reads <c>redFlags:</c> of a custom question, a blueprint or a blueprint <c>ref:</c>:
/// <code>
/// redFlags:
///   - flag: Does not mention versioning or compatibility for existing clients
///     ifMissing: [version*, "backward* compatib*", deprecat*, breaking change*]
///   - flag: Would log full card numbers
///     ifSaid: ["log|logged|logging card-number*|pan|\"card numbers\""]
/// </code>
/// Each flag has its text and exactly one of <c>ifMissing</c> (hit when no signal shows anywhere in the answer and its
/// follow-ups) or <c>ifSaid</c> (hit when a sentence where the candidate speaks for themselves shows a signal, not negated).
/// An <c>ifSaid</c> signal must describe a behaviour (two or more words), like a competency's, so a bare mention of a topic
/// never hits it.
/// </summary>
internal static class RedFlagReader
{
    public const string Key = "redFlags";

    public static IReadOnlyList<QuestionRedFlag> Read(YamlFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var flags = fields.List(Key, ProfileLimits.MaxRedFlags, (node, path) => ReadFlag(node, path, fields.Context));
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < flags.Count; i++)
        {
            if (flags[i] is not { Flag.Length: > 0 } flag)
            {
                continue;
            }

            if (seen.TryGetValue(flag.Flag, out var first))
            {
                fields.Context.ErrorAt($"{fields.PathOf(Key)}[{i}].flag", $"red flag \"{flag.Flag}\" is listed twice (first as {fields.PathOf(Key)}[{first}])", "list each red flag once; merge their signals");
            }
            else
            {
                seen[flag.Flag] = i;
            }
        }

        return [.. flags.OfType<QuestionRedFlag>().Where(f => f.Flag.Length > 0 && f.Signals.Count > 0)];
    }

    private static QuestionRedFlag? ReadFlag(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.RedFlag);
        if (fields is null)
        {
            return null;
        }

        var flag = fields.Text("flag", ProfileLimits.MaxNameLength, required: true) ?? string.Empty;
        var missing = fields.Has("ifMissing");
        var said = fields.Has("ifSaid");
        if (missing == said)
        {
            context.Error(fields.LineOf(missing ? "ifSaid" : "flag"), path, missing ? "has both ifMissing and ifSaid" : "has neither ifMissing nor ifSaid",
                "give exactly one: `ifMissing: [...]` (hit when the answer never mentions any of them) or `ifSaid: [...]` (hit when the candidate says one)");
            return null;
        }

        var key = missing ? "ifMissing" : "ifSaid";
        var signals = fields.TextList(key, ProfileLimits.MaxSignals, ProfileLimits.MaxSignalLength);
        if (signals.Count == 0)
        {
            context.Error(fields.LineOf(key), fields.PathOf(key), "is empty", "list the signals that show it, such as [version*, deprecat*]");
            return null;
        }

        var valid = true;
        for (var i = 0; i < signals.Count; i++)
        {
            var itemPath = $"{fields.PathOf(key)}[{i}]";
            var pattern = SignalPattern.Parse(signals[i], out var problem);
            if (pattern is null)
            {
                context.ErrorAt(itemPath, $"red-flag signal \"{signals[i]}\" {problem}", "write the words to look for separated by spaces (any order), a|b for alternatives, word* for a prefix, on-call or \"one at a time\" for adjacent words");
                valid = false;
            }
            else if (pattern.TouchOnly)
            {
                context.ErrorAt(itemPath, $"red-flag signal \"{signals[i]}\" starts with ~, which only knowledge-area signals use", "remove the ~");
                valid = false;
            }
            else if (said && pattern.IsSingleSlot)
            {
                context.ErrorAt(itemPath, $"red-flag signal \"{signals[i]}\" is a single word or term, so any answer that merely mentions it would hit the flag",
                    "describe what the candidate says or does, such as \"log|logged card-number*|pan\" or \"skip|skipped review*|test*\"");
                valid = false;
            }
        }

        return valid && flag.Length > 0 ? new QuestionRedFlag(flag, missing ? RedFlagTrigger.Missing : RedFlagTrigger.Said, signals) : null;
    }
}
