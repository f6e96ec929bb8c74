using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>Reads a full blueprint (a bank entry or an inline profile blueprint) and checks its own shape.</summary>
internal static class BlueprintReader
{
    public static Blueprint Read(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.Blueprint);
        if (fields is null)
        {
            return Placeholder(string.Empty);
        }

        var id = fields.Id("id") ?? string.Empty;
        var text = fields.Text("text", ProfileLimits.MaxQuestionLength, required: true) ?? string.Empty;
        var (areas, signals) = KnowledgeAreas(fields);
        var reference = fields.Text("referenceAnswer", ProfileLimits.MaxReferenceAnswerLength, required: true) ?? string.Empty;
        var followUps = fields.List("followUps", ProfileLimits.MaxBlueprintFollowUps + 5, (n, p) => ReadFollowUp(n, p, context));
        var probes = followUps.Count(f => f.Kind == FollowUpKind.Probe);
        var pressureTests = followUps.Count - probes;
        if (!fields.Has("followUps"))
        {
            fields.Missing("followUps", $"add {ProfileLimits.MinBlueprintFollowUps} or {ProfileLimits.MaxBlueprintFollowUps} follow-ups, each with text, knowledgeAreas and referenceAnswer");
        }
        else if (probes is < ProfileLimits.MinBlueprintFollowUps or > ProfileLimits.MaxBlueprintFollowUps)
        {
            context.Error(fields.LineOf("followUps"), fields.PathOf("followUps"), $"has {probes} follow-ups{(pressureTests > 0 ? " besides its pressure test" : string.Empty)}; a blueprint needs {ProfileLimits.MinBlueprintFollowUps} or {ProfileLimits.MaxBlueprintFollowUps}", "write 2 or 3 follow-ups so every candidate gets the same deep-dive");
        }
        else if (pressureTests > ProfileLimits.MaxPressureTests)
        {
            context.Error(fields.LineOf("followUps"), fields.PathOf("followUps"), $"has {pressureTests} pressure tests; a blueprint takes at most {ProfileLimits.MaxPressureTests}", "keep the sharpest change of scenario and make the others ordinary follow-ups (remove `kind: pressure-test`)");
        }

        var redFlags = RedFlagReader.Read(fields);
        return new Blueprint
        {
            Id = id,
            Text = text,
            KnowledgeAreas = areas,
            AreaSignals = signals,
            ReferenceAnswer = reference,
            FollowUps = NumberFollowUps(id, followUps),
            Skills = fields.TextList("skills", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
            Dimensions = fields.TextList("dimensions", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
            Tags = fields.TextList("tags", ProfileLimits.MaxListItems, ProfileLimits.MaxIdLength, ids: true),
        }.WithRedFlags(redFlags);
    }

    /// <summary>Gives follow-ups their ids <c>&lt;id&gt;.f1</c>, <c>.f2</c>, … in the order they are asked.</summary>
    public static IReadOnlyList<BlueprintFollowUp> NumberFollowUps(string id, IEnumerable<BlueprintFollowUp> followUps) =>
        [.. followUps.Select((f, i) => f with { Id = $"{id}.f{i + 1}" })];

    /// <summary>
    /// A profile's own pressure test for a bank blueprint (<c>pressureTest:</c> on a <c>ref:</c> entry): it replaces the
    /// bank's pressure test, if any, and is asked last.
    /// </summary>
    public static BlueprintFollowUp? ReadPressureTest(YamlFields refFields)
    {
        var fields = refFields.Mapping("pressureTest", ProfileFields.PressureTest);
        return fields is null ? null : ReadFollowUpFields(fields, FollowUpKind.PressureTest);
    }

    public static Blueprint Placeholder(string id) => new() { Id = id, Text = string.Empty, ReferenceAnswer = string.Empty };

    /// <summary>Knowledge areas are required on blueprints and their follow-ups: the judge measures coverage against them.</summary>
    private static (IReadOnlyList<string> Names, IReadOnlyList<KnowledgeAreaSignals> Signals) KnowledgeAreas(YamlFields fields)
    {
        var (areas, signals) = KnowledgeAreaReader.Read(fields);
        if (!fields.Has("knowledgeAreas"))
        {
            fields.Missing("knowledgeAreas", "add `knowledgeAreas:` with the 2 to 6 things a strong answer covers");
        }
        else if (areas.Count == 0)
        {
            fields.Context.Error(fields.LineOf("knowledgeAreas"), fields.PathOf("knowledgeAreas"), "is empty", "list the 2 to 6 things a strong answer covers");
        }

        return (areas, signals);
    }

    private static BlueprintFollowUp ReadFollowUp(YamlNode node, string path, YamlReadContext context)
    {
        var fields = YamlFields.Read(node, path, context, ProfileFields.BlueprintFollowUp);
        return fields is null
            ? new BlueprintFollowUp { Id = string.Empty, Text = string.Empty }
            : ReadFollowUpFields(fields, fields.Enum("kind", ProfileFields.FollowUpKinds) ?? FollowUpKind.Probe);
    }

    private static BlueprintFollowUp ReadFollowUpFields(YamlFields fields, FollowUpKind kind)
    {
        var (areas, signals) = KnowledgeAreas(fields);
        return new BlueprintFollowUp
        {
            Id = string.Empty,
            Text = fields.Text("text", ProfileLimits.MaxQuestionLength, required: true) ?? string.Empty,
            KnowledgeAreas = areas,
            AreaSignals = signals,
            ReferenceAnswer = fields.Text("referenceAnswer", ProfileLimits.MaxReferenceAnswerLength, required: true),
            Kind = kind,
        };
    }
}
