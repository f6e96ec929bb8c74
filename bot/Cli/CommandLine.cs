using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using ScreeningBot.Bot.Rehearsal;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The bot executable's verbs, parsed with System.CommandLine. No arguments, or server options only (<c>--urls</c>,
/// <c>Key=value</c> configuration), run the server; anything else is a verb, and an unknown verb is an error (exit 2)
/// with a suggestion, never a started server.
/// </summary>
internal static class CommandLine
{
    /// <summary>How the executable is started in the README; shown in help and usage lines.</summary>
    public const string Invocation = "dotnet run --project bot --";

    private const string Description = "ScreeningBot. With no verb, runs the bot server (http://localhost:3978; --urls to change).";

    private const string HelpVerb = "help";

    private const string HelpSummary = "Lists the verbs, or explains one verb and its options (VERB --help does the same).";

    private static readonly string[] HelpSwitches = ["--help", "-h", "-?", "/?", "/h"];

    /// <summary>The verbs. A new verb is one line here (its class implements <see cref="ICliCommand"/>).</summary>
    internal static ICliCommand[] CreateCommands() =>
    [
        new RehearseCommand(),
        new JudgeEvalCommand(),
        new CefrEvalCommand(),
        new AreaEvalCommand(),
        new ValidateProfilesCommand(),
        new ProfileCommand(),
        new Storage.ForgetCommand(),
        new Decisions.ExportCommand(),
        new Decisions.WebhookCommand(),
        new InviteCommand(),
        new Compliance.ExportCommand(),
        new Compliance.VerifyAuditCommand(),
        new Compliance.AdverseImpactCommand(),
    ];

    /// <summary>
    /// True when <paramref name="args"/> are for the command line rather than the server: a first argument that is a
    /// word (a verb, known or mistyped), or <c>--help</c>/<c>--version</c>. Options (<c>--urls …</c>) and
    /// <c>Key=value</c> configuration run the server.
    /// </summary>
    public static bool IsVerb(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return false;
        }

        var first = args[0];
        return HelpSwitches.Contains(first, StringComparer.Ordinal) || first == "--version"
            || (first.Length > 0 && first[0] is not ('-' or '/') && !first.Contains('=', StringComparison.Ordinal));
    }

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration();
        var context = new CliContext(Console.In, Console.Out, Console.Error, configuration, TimeProvider.System)
        {
            IsInteractive = !Console.IsInputRedirected,
            IsStyled = !Console.IsOutputRedirected
                && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
                && Environment.GetEnvironmentVariable("TERM") is not "dumb",
        };
        return await RunAsync(args, context, cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var verbs = CreateCommands();
        var root = CreateRoot(verbs, context);
        if (args.Length == 0 || HelpSwitches.Contains(args[0], StringComparer.Ordinal))
        {
            await WriteVerbsAsync(verbs, context.Output);
            return 0;
        }

        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration
        {
            Output = context.Output,
            Error = context.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null, // Program.cs turns Ctrl+C into the cancellation token
        };
        var command = parseResult.CommandResult.Command;
        if (command == root && args[0] != "--version")
        {
            await context.Error.WriteLineAsync(UnknownVerb(args[0], root));
            return 2;
        }

        if (parseResult.Errors.Count > 0 && parseResult.Action is not HelpAction)
        {
            await context.Error.WriteLineAsync(UsageError(DescribeError(parseResult), command));
            return 2;
        }

        try
        {
            return await parseResult.InvokeAsync(invocation, cancellationToken);
        }
        catch (CliUsageException e)
        {
            await context.Error.WriteLineAsync(UsageError(e.Message, command));
            return 2;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }

    /// <summary>The same configuration the server reads: appsettings.json next to the executable, then environment variables.</summary>
    internal static IConfiguration LoadConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();

    /// <summary>
    /// One line of usage from a verb's declaration, e.g. <c>rehearse --profile ID [--answers FILE]</c>: required options
    /// bare, optional ones in brackets, switches without a value, arguments by their name.
    /// </summary>
    internal static string Usage(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parts = new List<string> { command.Name };
        foreach (var option in command.Options.Where(o => o is not HelpOption and not VersionOption && !o.Hidden))
        {
            var text = option.ValueType == typeof(bool) ? option.Name : $"{option.Name} {option.HelpName ?? "VALUE"}";
            parts.Add(option.Required ? text : $"[{text}]");
        }

        foreach (var argument in command.Arguments.Where(a => !a.Hidden))
        {
            var text = argument.HelpName ?? (argument.Arity.MaximumNumberOfValues > 1 ? $"{argument.Name}..." : argument.Name);
            parts.Add(argument.Arity.MinimumNumberOfValues == 0 ? $"[{text}]" : text);
        }

        return string.Join(' ', parts);
    }

    private static string UsageError(string problem, Command command) =>
        $"error: {problem}{(problem.EndsWith('?') ? string.Empty : ".")} usage: {Usage(command)}";

    private static RootCommand CreateRoot(ICliCommand[] verbs, CliContext context)
    {
        var root = new RootCommand(Description)
        {
            HelpName = Invocation,
        };
        foreach (var verb in verbs)
        {
            // A verb with subcommands (profile draft) runs the same action for each; the verb tells them apart.
            foreach (var command in verb.Command.Subcommands.Prepend(verb.Command))
            {
                command.SetAction((parseResult, cancellationToken) => verb.RunAsync(parseResult, context, cancellationToken));
            }

            root.Add(verb.Command);
        }

        var topic = new Argument<string?>("VERB") { Description = "The verb to explain; without it, lists the verbs.", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command(HelpVerb, HelpSummary) { topic };
        help.SetAction(async (parseResult, cancellationToken) =>
        {
            if (parseResult.GetValue(topic) is not { } name)
            {
                await WriteVerbsAsync(verbs, context.Output);
                return 0;
            }

            var verb = Array.Find(verbs, v => string.Equals(v.Command.Name, name, StringComparison.Ordinal));
            if (verb is null)
            {
                await context.Error.WriteLineAsync(UnknownVerb(name, root));
                return 2;
            }

            // "help rehearse" is "rehearse --help".
            return await root.Parse([name, HelpSwitches[0]]).InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken);
        });
        root.Add(help);
        return root;
    }

    private static string UnknownVerb(string typed, RootCommand root)
    {
        var names = root.Subcommands.Select(c => c.Name).ToArray();
        var known = $"The verbs are {string.Join(", ", names)}; run '{Invocation} help' for what they do.";
        if (typed.StartsWith('-'))
        {
            return $"error: unknown option '{typed}'. {known}";
        }

        return CliSuggestion.Closest(typed, names) is { } suggestion
            ? $"error: unknown verb '{typed}'; did you mean '{suggestion}'? {known}"
            : $"error: unknown verb '{typed}'. {known}";
    }

    /// <summary>
    /// The first problem of a command line that did not parse, in our words: an unknown option (with the closest
    /// known one), a missing required option, else System.CommandLine's own message.
    /// </summary>
    private static string DescribeError(ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (parseResult.UnmatchedTokens is [var unmatched, ..])
        {
            if (!unmatched.StartsWith('-'))
            {
                return $"unexpected argument '{unmatched}'";
            }

            var options = command.Options.Where(o => !o.Hidden).Select(o => o.Name);
            var name = unmatched.Split('=', ':')[0];
            return CliSuggestion.Closest(name, options) is { } suggestion
                ? $"unknown option {name}; did you mean {suggestion}?"
                : $"unknown option {name}";
        }

        var missing = command.Options.FirstOrDefault(o => o.Required && parseResult.GetResult(o) is null or { Implicit: true });
        if (missing is not null)
        {
            return $"option {missing.Name} is required";
        }

        var empty = parseResult.Errors.Select(e => e.SymbolResult).OfType<OptionResult>()
            .FirstOrDefault(r => r.Tokens.Count == 0 && r.Option.ValueType != typeof(bool));
        if (empty is not null)
        {
            return $"option {empty.Option.Name} needs a value";
        }

        var message = parseResult.Errors[0].Message.TrimEnd('.');
        return message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : message;
    }

    private static async Task WriteVerbsAsync(ICliCommand[] verbs, TextWriter output)
    {
        await output.WriteLineAsync(Description);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"usage: {Invocation} VERB [options]");
        await output.WriteLineAsync();
        await output.WriteLineAsync("verbs:");
        foreach (var verb in verbs)
        {
            await output.WriteLineAsync($"  {Usage(verb.Command)}");
            await output.WriteLineAsync($"      {verb.Command.Description}");
        }

        await output.WriteLineAsync($"  {HelpVerb} [VERB]");
        await output.WriteLineAsync($"      {HelpSummary}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Exit codes: 0 done, 1 the verb found problems (e.g. invalid profiles), 2 bad usage or unreadable input.");
    }
}
