using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Benchmarks;

/// <summary>Reads tests/…/Judging/bank-answers.yaml: a strong and a vague answer per bank blueprint.</summary>
internal static class BankAnswers
{
    public static Dictionary<string, (string Strong, string Vague)> Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = File.OpenText(path))
        {
            stream.Load(reader);
        }

        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        foreach (var node in ((YamlSequenceNode)root.Children[new YamlScalarNode("answers")]).Children.Cast<YamlMappingNode>())
        {
            string Field(string name) => ((YamlScalarNode)node.Children[new YamlScalarNode(name)]).Value!;
            result[Field("id")] = (Field("strong"), Field("vague"));
        }

        return result;
    }
}
