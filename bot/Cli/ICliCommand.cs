using System.CommandLine;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// One verb of the bot executable (<c>dotnet run --project bot -- &lt;verb&gt;</c>). A verb declares its options and
/// arguments as a System.CommandLine <see cref="System.CommandLine.Command"/> (which gives parsing, <c>--help</c> and
/// unknown-option errors) and reads their values from the <see cref="ParseResult"/> in <see cref="RunAsync"/>.
/// Register a new verb with one line in <see cref="CommandLine"/>'s <c>CreateCommands</c>.
/// </summary>
internal interface ICliCommand
{
    /// <summary>
    /// The verb: its name, a one-sentence description (shown by <c>help</c>) and its options, each with a
    /// <c>Description</c> and a <see cref="Option.HelpName"/> such as <c>FILE</c>.
    /// </summary>
    Command Command { get; }

    /// <summary>
    /// Runs the verb once the command line parsed without errors. Returns the process exit code: 0 success, 1 the verb
    /// ran and found problems (e.g. invalid profiles), 2 bad usage or unreadable input (after printing one clear line to
    /// <see cref="CliContext.Error"/>, or by throwing <see cref="CliUsageException"/>).
    /// </summary>
    Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken);
}
