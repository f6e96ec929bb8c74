using ScreeningBot.Dialogs.Language;

namespace ScreeningBot.Bot.Cli;

/// <summary><c>cefr-eval</c>: the offline CEFR estimator over a CEFR-SP style file (the work is in <see cref="CefrEvaluation"/>).</summary>
internal sealed class CefrEvalCommand : ICliCommand
{
    public string Name => "cefr-eval";

    public string Usage => "cefr-eval --out FILE [--items PATH]";

    public string Summary =>
        "Estimates the CEFR level of every sentence of shared/eval/cefr-sp/items.jsonl (or --items PATH) and writes {\"id\", \"level\"} lines for evaluate.py.";

    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var output = arguments.GetRequired("out");
        var items = arguments.Get("items");
        arguments.ThrowIfUnknownOptions();
        items ??= CefrItems.Locate([Directory.GetCurrentDirectory(), AppContext.BaseDirectory]);
        if (items is null)
        {
            await context.Error.WriteLineAsync(
                $"error: cannot find {CefrItems.FolderRelativePath}/{CefrItems.ItemsFileName} above the current directory or {AppContext.BaseDirectory}; pass --items PATH");
            return 2;
        }

        return await new CefrEvaluation(SentenceLevelEstimator.Default, context).RunAsync(items, output, cancellationToken);
    }
}
