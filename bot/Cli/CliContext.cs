namespace ScreeningBot.Bot.Cli;

/// <summary>What a verb may use: the console streams, the bot's configuration and the clock.</summary>
internal sealed record CliContext(TextReader Input, TextWriter Output, TextWriter Error, IConfiguration Configuration, TimeProvider Time)
{
    /// <summary>True when standard input is a terminal (interactive rehearsal) rather than a pipe or file.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>True when <see cref="Output"/> is a terminal that takes bold and italics (not redirected, no <c>NO_COLOR</c>, not <c>TERM=dumb</c>).</summary>
    public bool IsStyled { get; init; }
}
