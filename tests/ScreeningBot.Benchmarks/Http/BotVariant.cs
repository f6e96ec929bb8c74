namespace ScreeningBot.Benchmarks.Http;

/// <summary>
/// One configuration of the bot to compare (<c>--variant NAME:KEY=VALUE,...</c>): runtime settings passed as environment
/// variables, and with <c>BOT=DIR</c> another build of the bot (e.g. one published without ReadyToRun).
/// </summary>
internal sealed record BotVariant(string Name, IReadOnlyDictionary<string, string> Environment, string? BotFolder)
{
    /// <summary>The shipped bot with its own settings.</summary>
    public static BotVariant Default { get; } = new("", new Dictionary<string, string>(), null);

    /// <summary>
    /// Parses <c>NAME:KEY=VALUE,KEY=VALUE</c> (<c>NAME:</c> alone is the shipped bot under that name). The key <c>BOT</c>
    /// names a bot folder instead of an environment variable.
    /// </summary>
    public static BotVariant Parse(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ArgumentException($"--variant '{text}': expected NAME:KEY=VALUE[,KEY=VALUE...], e.g. wks:DOTNET_gcServer=0");
        }

        var environment = new Dictionary<string, string>();
        string? bot = null;
        foreach (var pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (pair.Split('=', 2) is not [var key, var value] || key.Length == 0)
            {
                throw new ArgumentException($"--variant '{text}': '{pair}' is not KEY=VALUE");
            }

            if (key == "BOT")
            {
                bot = Path.GetFullPath(value);
            }
            else
            {
                environment[key] = value;
            }
        }

        return new BotVariant(text[..colon], environment, bot);
    }

    /// <summary>The environment for the bot process: <paramref name="common"/> (<c>--bot-env</c>) overridden by this variant's.</summary>
    public IDictionary<string, string> EnvironmentOver(IDictionary<string, string> common)
    {
        var merged = new Dictionary<string, string>(common);
        foreach (var (key, value) in Environment)
        {
            merged[key] = value;
        }

        return merged;
    }

    public string Describe() =>
        string.Join(" ", Environment.Select(e => $"{e.Key}={e.Value}").Concat(BotFolder is null ? [] : [$"bot={BotFolder}"])) is { Length: > 0 } settings
            ? settings
            : "shipped settings";
}
