using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Turns YAML text into a representation-model tree (every node keeps its line), refusing what a profile
/// never needs and an attacker could abuse: aliases (billion-laughs expansion), deep nesting, huge node
/// counts and several documents in one file. Syntax errors become <see cref="ProfileError"/>s.
/// </summary>
internal static class YamlDocumentReader
{
    private const string SyntaxFix = "check the indentation (spaces, not tabs), quotes and colons on this line and the one before";

    /// <summary>The root mapping of the only document, or null after reporting why not.</summary>
    public static YamlMappingNode? ReadRootMapping(string text, YamlReadContext context, string emptyFix)
    {
        if (!Prescan(text, context))
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e) when (e.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            var key = e.Message["Duplicate key".Length..].Trim();
            context.Error(YamlLines.Of(e.Start), key, $"\"{key}\" appears twice in the same mapping", "keep one of them; YAML keys must be unique");
            return null;
        }
        catch (YamlException e)
        {
            context.Error(YamlLines.Of(e.Start), string.Empty, $"the file is not valid YAML: {e.Message}", SyntaxFix);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            context.Error(0, string.Empty, "the file is empty", emptyFix);
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            context.Error(YamlLines.Of(stream.Documents[0].RootNode.Start), string.Empty, $"the top level must be a mapping of fields, but it is {YamlFields.Describe(stream.Documents[0].RootNode)}", emptyFix);
            return null;
        }

        return root;
    }

    /// <summary>One pass over the event stream enforcing the structural bounds before a tree is built.</summary>
    private static bool Prescan(string text, YamlReadContext context)
    {
        var parser = new Parser(new StringReader(text));
        var line = 1;
        var depth = 0;
        var nodes = 0;
        var documents = 0;
        try
        {
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                line = YamlLines.Of(current.Start);
                switch (current)
                {
                    case AnchorAlias alias:
                        context.Error(line, string.Empty, $"YAML aliases (*{alias.Value}) are not allowed in profiles", "write the content out in full; to share a blueprint between profiles, put it in profiles/bank and use `- ref: <id>`");
                        return false;
                    case DocumentStart:
                        if (++documents > 1)
                        {
                            context.Error(line, string.Empty, "the file holds more than one YAML document", "keep one profile per file and remove the `---` separator");
                            return false;
                        }

                        break;
                    case MappingStart or SequenceStart:
                        nodes++;
                        if (++depth > ProfileLimits.MaxDepth)
                        {
                            context.Error(line, string.Empty, $"lists and mappings are nested more than {ProfileLimits.MaxDepth} levels deep", "flatten the structure; profiles never need this much nesting");
                            return false;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                    case Scalar:
                        nodes++;
                        break;
                }

                if (nodes > ProfileLimits.MaxNodes)
                {
                    context.Error(line, string.Empty, $"the file has more than {ProfileLimits.MaxNodes:N0} YAML nodes", "split the content: move blueprints to profiles/bank and reference them");
                    return false;
                }
            }
        }
        catch (YamlException e)
        {
            context.Error(YamlLines.Of(e.Start), string.Empty, $"the file is not valid YAML: {e.Message}", SyntaxFix);
            return false;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException)
        {
            // YamlDotNet reports some malformed flow collections (e.g. "[1, 2" left open) this way, without a position.
            context.Error(line, string.Empty, "the file is not valid YAML near this line (an unclosed [ or { or quote?)", SyntaxFix);
            return false;
        }

        return true;
    }
}
