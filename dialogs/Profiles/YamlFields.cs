using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace ScreeningBot.Dialogs.Profiles;

/// <summary>
/// Reads the fields of one YAML mapping with line-accurate errors: unknown keys (with a "did you mean"),
/// missing required fields, wrong scalar types and length or count limits. Every read is recorded in the
/// <see cref="ProfileSourceMap"/> so later checks can point at the same line. Readers never throw for bad
/// content; they report and return null or an empty value.
/// </summary>
internal sealed partial class YamlFields
{
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> _fields = new(StringComparer.Ordinal);

    private YamlFields(YamlReadContext context, string path, int line)
    {
        Context = context;
        Path = path;
        Line = line;
    }

    public YamlReadContext Context { get; }

    /// <summary>Field path of the mapping itself (empty for the root).</summary>
    public string Path { get; }

    /// <summary>Line where the mapping starts.</summary>
    public int Line { get; }

    /// <summary>Reads <paramref name="node"/> as a mapping whose keys must be among <paramref name="allowed"/>.</summary>
    public static YamlFields? Read(YamlNode node, string path, YamlReadContext context, IReadOnlyCollection<string> allowed, string? unknownFieldFix = null)
    {
        if (node is not YamlMappingNode mapping)
        {
            context.Error(YamlLines.Of(node.Start), path, $"must be a mapping of fields, but it is {Describe(node)}", $"write `name: value` lines here; the fields are: {string.Join(", ", allowed)}");
            return null;
        }

        var fields = new YamlFields(context, path, YamlLines.Of(node.Start));
        context.Map.Record(path, YamlLines.Of(node.Start));
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key } scalarKey)
            {
                context.Error(YamlLines.Of(keyNode.Start), path, "a field name must be plain text", "write the field name as a word followed by a colon");
                continue;
            }

            var fieldPath = fields.PathOf(key);
            if (!allowed.Contains(key))
            {
                var suggestion = NameSuggester.Suggest(key, allowed);
                var fix = unknownFieldFix
                    ?? (suggestion is not null ? $"rename it to \"{suggestion}\"" : $"remove it; the fields here are: {string.Join(", ", allowed)}");
                var hint = suggestion is not null ? $" Did you mean \"{suggestion}\"?" : string.Empty;
                context.Error(YamlLines.Of(keyNode.Start), fieldPath, $"unknown field \"{key}\".{hint}", fix);
                continue;
            }

            context.Map.Record(fieldPath, YamlLines.Of(keyNode.Start));
            fields._fields[key] = new(scalarKey, value);
        }

        return fields;
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        YamlScalarNode s when IsNull(s) => "empty",
        _ => "text",
    };

    public string PathOf(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public bool Has(string key) => _fields.ContainsKey(key);

    /// <summary>Line of the field's key, or of the mapping when the field is absent.</summary>
    public int LineOf(string key) => _fields.TryGetValue(key, out var field) ? YamlLines.Of(field.Key.Start) : Line;

    public void Missing(string key, string? fix = null) =>
        Context.Error(Line, PathOf(key), $"required field \"{key}\" is missing", fix ?? $"add `{key}:` here");

    /// <summary>A text field; null when absent, empty or not text (reported when required or mistyped).</summary>
    public string? Text(string key, int maxLength, bool required = false)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        return ScalarText(field.Value, PathOf(key), maxLength, required, Context);
    }

    /// <summary>A lowercase kebab-case id (<c>api-design</c>).</summary>
    public string? Id(string key, bool required = true)
    {
        var value = Text(key, ProfileLimits.MaxIdLength, required);
        return value is null ? null : CheckId(value, PathOf(key), LineOf(key), Context);
    }

    public int? Int(string key, bool required = false)
    {
        var text = Scalar(key, required, "a whole number");
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Context.Error(LineOf(key), PathOf(key), $"must be a whole number, but it is \"{Clip(text)}\"", "write a number without quotes, units or decimals, such as 45");
            return null;
        }

        return value;
    }

    public bool? Bool(string key)
    {
        var text = Scalar(key, required: false, "true or false");
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        Context.Error(LineOf(key), PathOf(key), $"must be true or false, but it is \"{Clip(text)}\"", "write true or false");
        return null;
    }

    /// <summary>One of a closed set of lowercase names (matched ignoring case).</summary>
    public T? Enum<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = Scalar(key, required, $"one of {string.Join(", ", names.Keys)}");
        if (text is null)
        {
            return null;
        }

        foreach (var (name, value) in names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        var hint = NameSuggester.DidYouMean(text, names.Keys);
        Context.Error(LineOf(key), PathOf(key), $"\"{Clip(text)}\" is not a known {key}.{hint}", $"use one of: {string.Join(", ", names.Keys)}");
        return null;
    }

    /// <summary>A list of text items; each item's path (<c>key[i]</c>) is recorded.</summary>
    public IReadOnlyList<string> TextList(string key, int maxCount, int maxLength, bool ids = false)
    {
        var items = Sequence(key, maxCount);
        var result = new List<string>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var path = $"{PathOf(key)}[{i}]";
            var value = ScalarText(items[i], path, ids ? ProfileLimits.MaxIdLength : maxLength, required: true, Context);
            if (value is not null && ids)
            {
                value = CheckId(value, path, YamlLines.Of(items[i].Start), Context);
            }

            result.Add(value ?? string.Empty);
        }

        return result;
    }

    /// <summary>A list of mappings (or other items) read by <paramref name="readItem"/>, given each item and its path.</summary>
    public IReadOnlyList<T> List<T>(string key, int maxCount, Func<YamlNode, string, T> readItem)
    {
        var items = Sequence(key, maxCount);
        var result = new List<T>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            result.Add(readItem(items[i], $"{PathOf(key)}[{i}]"));
        }

        return result;
    }

    /// <summary>One list item read as required text (for lists whose items may be text or mappings).</summary>
    public static string? ItemText(YamlNode node, string path, int maxLength, YamlReadContext context) =>
        ScalarText(node, path, maxLength, required: true, context);

    /// <summary>A nested mapping; null when absent or not a mapping (reported).</summary>
    public YamlFields? Mapping(string key, IReadOnlyCollection<string> allowed) =>
        _fields.TryGetValue(key, out var field) ? Read(field.Value, PathOf(key), Context, allowed) : null;

    /// <summary>The raw node of a field, for callers that hash or inspect it.</summary>
    public YamlNode? Node(string key) => _fields.TryGetValue(key, out var field) ? field.Value : null;

    internal static string? CheckId(string value, string path, int line, YamlReadContext context)
    {
        if (IdPattern().IsMatch(value))
        {
            return value;
        }

        var suggestion = ToKebabCase(value);
        var fix = suggestion.Length > 0 && IdPattern().IsMatch(suggestion)
            ? $"use lowercase words joined by hyphens, such as \"{suggestion}\""
            : "use lowercase letters, digits and hyphens, starting with a letter, such as \"api-design\"";
        context.Error(line, path, $"\"{Clip(value)}\" is not a valid id", fix);
        return value;
    }

    private static string ToKebabCase(string value)
    {
        var withHyphens = CamelBoundary().Replace(value.Trim(), "$1-$2");
        return NonIdCharacters().Replace(withHyphens.ToLowerInvariant(), "-").Trim('-');
    }

    private static string? ScalarText(YamlNode node, string path, int maxLength, bool required, YamlReadContext context)
    {
        if (node is not YamlScalarNode scalar)
        {
            context.Error(YamlLines.Of(node.Start), path, $"must be text, but it is {Describe(node)}", "write a single value on the same line, in quotes if it contains a colon");
            return null;
        }

        if (IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            if (required)
            {
                context.Error(YamlLines.Of(node.Start), path, "is empty", "write a value here");
            }

            return null;
        }

        var value = scalar.Value!.Trim();
        if (value.Length > maxLength)
        {
            context.Error(YamlLines.Of(node.Start), path, $"is {value.Length:N0} characters long; the limit is {maxLength:N0}", "shorten it");
        }

        return value;
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Value is null || (scalar.Style is YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL");

    private static string Clip(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private string? Scalar(string key, bool required, string expected)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            if (required)
            {
                Missing(key);
            }

            return null;
        }

        if (field.Value is not YamlScalarNode scalar || IsNull(scalar) || string.IsNullOrWhiteSpace(scalar.Value))
        {
            Context.Error(LineOf(key), PathOf(key), $"must be {expected}, but it is {Describe(field.Value)}", $"write {expected} after `{key}:`");
            return null;
        }

        return scalar.Value.Trim();
    }

    private List<YamlNode> Sequence(string key, int maxCount)
    {
        if (!_fields.TryGetValue(key, out var field))
        {
            return [];
        }

        if (field.Value is YamlScalarNode scalar && IsNull(scalar))
        {
            return [];
        }

        if (field.Value is not YamlSequenceNode sequence)
        {
            Context.Error(LineOf(key), PathOf(key), $"must be a list, but it is {Describe(field.Value)}", "write each item on its own line starting with \"- \", or use [a, b]");
            return [];
        }

        var items = sequence.Children.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            Context.Map.Record($"{PathOf(key)}[{i}]", YamlLines.Of(items[i].Start));
        }

        if (items.Count > maxCount)
        {
            Context.Error(LineOf(key), PathOf(key), $"has {items.Count} items; the limit is {maxCount}", $"keep at most {maxCount}");
            items = items.GetRange(0, maxCount);
        }

        return items;
    }

    [GeneratedRegex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("([a-z0-9])([A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelBoundary();

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonIdCharacters();
}
