using System.Text;
using System.Text.Json;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Writes a YAML subtree as compact JSON-like text in document order. Two entries with the same content give
/// the same text whatever their indentation, comments, quoting or line endings, so hashes are stable.
/// </summary>
internal static class YamlCanonical
{
    public static string Write(YamlNode node)
    {
        var builder = new StringBuilder();
        Write(node, builder);
        return builder.ToString();
    }

    private static void Write(YamlNode node, StringBuilder builder)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                builder.Append(JsonSerializer.Serialize(scalar.Value ?? string.Empty, ProfilesJsonContext.Default.String));
                break;
            case YamlSequenceNode sequence:
                builder.Append('[');
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(',');
                    }

                    Write(sequence.Children[i], builder);
                }

                builder.Append(']');
                break;
            case YamlMappingNode mapping:
                builder.Append('{');
                var first = true;
                foreach (var (key, value) in mapping.Children)
                {
                    if (!first)
                    {
                        builder.Append(',');
                    }

                    first = false;
                    Write(key, builder);
                    builder.Append(':');
                    Write(value, builder);
                }

                builder.Append('}');
                break;
        }
    }
}
