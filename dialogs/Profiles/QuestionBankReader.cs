namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Reads bank files (<c>blueprints: [ ... ]</c>), validates every entry and checks that ids are unique across
/// all files. An entry with errors, and every copy of a duplicated id, is kept out of the bank.
/// </summary>
internal static class QuestionBankReader
{
    public static QuestionBankLoadResult Read(IEnumerable<(string File, string Text)> files, IEnumerable<ProfileError>? readErrors = null)
    {
        var errors = new List<ProfileError>(readErrors ?? []);
        var names = new List<string>();
        var entries = new List<Entry>();
        foreach (var (file, text) in files)
        {
            names.Add(file);
            var context = new YamlReadContext(file);
            ReadFile(text, context, entries);
            errors.AddRange(context.Errors);
        }

        var firstById = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var invalid = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in entries.Where(e => e.Blueprint.Id.Length > 0))
        {
            if (firstById.TryGetValue(entry.Blueprint.Id, out var first))
            {
                errors.Add(new ProfileError(entry.File, entry.IdLine, $"{entry.Path}.id", $"bank id \"{entry.Blueprint.Id}\" is already used at {first.File}:{first.IdLine}", "give each bank blueprint its own id; profiles reference them by it"));
                invalid.TryAdd(entry.Blueprint.Id, entry.File);
            }
            else
            {
                firstById[entry.Blueprint.Id] = entry;
            }

            if (!entry.Valid)
            {
                invalid.TryAdd(entry.Blueprint.Id, entry.File);
            }
        }

        var valid = firstById.Values.Where(e => !invalid.ContainsKey(e.Blueprint.Id)).ToArray();
        var bank = new QuestionBank(
            valid.Select(e => e.Blueprint),
            valid.ToDictionary(e => e.Blueprint.Id, e => e.Canonical, StringComparer.Ordinal),
            invalid);
        return new QuestionBankLoadResult(bank, [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)], names);
    }

    private static void ReadFile(string text, YamlReadContext context, List<Entry> entries)
    {
        const string ShapeFix = "start the file with `blueprints:` followed by a list of entries (id, tags, text, knowledgeAreas, referenceAnswer, followUps)";
        var root = YamlDocumentReader.ReadRootMapping(text, context, ShapeFix);
        if (root is null)
        {
            return;
        }

        var fields = YamlFields.Read(root, string.Empty, context, ProfileFields.Bank, "remove it: a bank file holds only `blueprints:`")!;
        if (!fields.Has("blueprints"))
        {
            fields.Missing("blueprints", ShapeFix);
            return;
        }

        fields.List("blueprints", ProfileLimits.MaxBankEntriesPerFile, (node, path) =>
        {
            var before = context.Errors.Count;
            var blueprint = BlueprintReader.Read(node, path, context);
            var entry = new Entry(context.File, path, context.Map.LineOf($"{path}.id"), blueprint, YamlCanonical.Write(node), context.Errors.Count == before);
            entries.Add(entry);
            return entry;
        });
    }

    private sealed record Entry(string File, string Path, int IdLine, Blueprint Blueprint, string Canonical, bool Valid);
}
