namespace ScreeningBot.Bot.Cli;

/// <summary>What a verb may use: the console streams, the bot's configuration and the clock.</summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, IConfiguration Configuration, TimeProvider Time)
{
    /// <summary>True when standard input is a terminal (interactive rehearsal) rather than a pipe or file.</summary>
    public bool IsInteractive { get; init; }
}
