using System.CommandLine;
using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Bot.Cli;

/// <summary><c>cefr-eval</c>: the offline CEFR estimator over a CEFR-SP style file (the work is in <see cref="CefrEvaluation"/>).</summary>
internal sealed class CefrEvalCommand : ICliCommand
{
    private readonly Option<string> _out = new("--out") { Description = "Where to write the {\"id\", \"level\"} lines (JSON lines).", HelpName = "FILE", Required = true };

    private readonly Option<string> _items = new("--items")
    {
        Description = $"The items.jsonl to read (any split); default: {CefrItems.FolderRelativePath}/{CefrItems.ItemsFileName} above the current directory.",
        HelpName = "PATH",
    };

    public CefrEvalCommand()
    {
        Command = new Command(
            "cefr-eval",
            "Estimates the CEFR level of every sentence of shared/eval/cefr-sp/items.jsonl (or --items PATH) and writes {\"id\", \"level\"} lines for evaluate.py.")
        {
            _out, _items,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var output = parseResult.GetRequiredValue(_out);
        var items = parseResult.GetValue(_items) ?? CefrItems.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        if (items is null)
        {
            await context.Error.WriteLineAsync(
                $"error: cannot find {CefrItems.FolderRelativePath}/{CefrItems.ItemsFileName} above the current directory or {AppContext.BaseDirectory}; pass --items PATH");
            return 2;
        }

        return await new CefrEvaluation(SentenceLevelEstimator.Default, context).RunAsync(items, output, cancellationToken);
    }
}
