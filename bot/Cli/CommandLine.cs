using ScreeningBot.Bot.Rehearsal;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// Dispatches the bot executable's verbs. No verb (or options only, such as <c>--urls</c>) runs the server.
/// </summary>
internal static class CommandLine
{
    private static readonly ICliCommand[] Commands = CreateCommands();

    /// <summary>Options that take no value, for every verb.</summary>
    private static readonly string[] Flags = ["help", "resume"];

    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (Find(args[0]) is not null || args[0] is "help" or "--help" or "-h");

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var configuration = LoadConfiguration();
        var context = new CliContext(Console.In, Console.Out, Console.Error, configuration, TimeProvider.System)
        {
            IsInteractive = !Console.IsInputRedirected,
        };
        return await RunAsync(args, context, cancellationToken);
    }

    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            await WriteHelpAsync(context.Output);
            return 0;
        }

        var command = Find(args[0]);
        if (command is null)
        {
            await context.Error.WriteLineAsync($"error: unknown verb '{args[0]}'. Run 'dotnet run --project bot -- help' for the list.");
            return 2;
        }

        try
        {
            var arguments = CliArguments.Parse(args.Skip(1), Flags);
            if (arguments.Has("help"))
            {
                await context.Output.WriteLineAsync($"usage: {command.Usage}");
                await context.Output.WriteLineAsync(command.Summary);
                return 0;
            }

            return await command.RunAsync(arguments, context, cancellationToken);
        }
        catch (CliUsageException e)
        {
            await context.Error.WriteLineAsync($"error: {e.Message}. usage: {command.Usage}");
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

    private static ICliCommand? Find(string verb) =>
        Array.Find(Commands, c => string.Equals(c.Name, verb, StringComparison.Ordinal));

    private static async Task WriteHelpAsync(TextWriter output)
    {
        await output.WriteLineAsync("ScreeningBot. With no verb, runs the bot server (http://localhost:3978; --urls to change).");
        await output.WriteLineAsync();
        await output.WriteLineAsync("verbs:");
        foreach (var command in Commands)
        {
            await output.WriteLineAsync($"  {command.Usage}");
            await output.WriteLineAsync($"      {command.Summary}");
        }
    }

    private static ICliCommand[] CreateCommands() =>
    [
        new RehearseCommand(),
        new JudgeEvalCommand(),
        new AreaEvalCommand(),
        new ValidateProfilesCommand(),
        new Storage.ForgetCommand(),
    ];
}
