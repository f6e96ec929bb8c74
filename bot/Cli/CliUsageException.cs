namespace ScreeningBot.Bot.Cli;

/// <summary>Bad command-line usage found by a verb (e.g. a value out of range): printed as one line with the verb's usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
