namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The arguments after the verb: <c>--name value</c> options, <c>--flag</c> switches and positionals.
/// Deliberately tiny: the verbs take a handful of options each.
/// </summary>
internal sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private CliArguments()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    /// <summary>Parses arguments; <paramref name="flags"/> names the options that take no value.</summary>
    public static CliArguments Parse(IEnumerable<string> args, params string[] flags)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = new CliArguments();
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var name = arg[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0)
                {
                    value = name[(eq + 1)..];
                    name = name[..eq];
                }
                else if (!flags.Contains(name, StringComparer.Ordinal))
                {
                    if (!e.MoveNext())
                    {
                        throw new CliUsageException($"option --{name} needs a value");
                    }

                    value = e.Current;
                }

                if (!result._options.TryAdd(name, value))
                {
                    throw new CliUsageException($"option --{name} is given twice");
                }
            }
            else
            {
                result._positionals.Add(arg);
            }
        }

        return result;
    }

    public string? Get(string name)
    {
        _read.Add(name);
        return _options.TryGetValue(name, out var value) ? value : null;
    }

    public string GetRequired(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CliUsageException($"option --{name} is required");

    public bool Has(string name)
    {
        _read.Add(name);
        return _options.ContainsKey(name);
    }

    /// <summary>Throws for options the verb never asked about, so a typo like <c>--profle</c> is reported.</summary>
    public void ThrowIfUnknownOptions()
    {
        var unknown = _options.Keys.Where(k => !_read.Contains(k)).Order(StringComparer.Ordinal).ToArray();
        if (unknown.Length > 0)
        {
            throw new CliUsageException($"unknown option --{unknown[0]}");
        }
    }
}

/// <summary>Bad command-line usage: printed as one line, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
