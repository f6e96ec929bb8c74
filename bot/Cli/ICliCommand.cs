namespace ScreeningBot.Bot.Cli;

/// <summary>One verb of the bot executable (<c>dotnet run --project bot -- &lt;verb&gt;</c>).</summary>
internal interface ICliCommand
{
    /// <summary>The verb, e.g. <c>rehearse</c>.</summary>
    string Name { get; }

    /// <summary>One line: the verb's arguments, e.g. <c>rehearse --profile ID [--answers FILE] [--out DIR]</c>.</summary>
    string Usage { get; }

    /// <summary>One sentence saying what the verb does.</summary>
    string Summary { get; }

    /// <summary>
    /// Runs the verb. Returns the process exit code: 0 success, 1 the verb ran and found problems
    /// (e.g. invalid profiles), 2 bad usage or unreadable input (after printing one clear line to
    /// <see cref="CliContext.Error"/>).
    /// </summary>
    Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken);
}
