using System.CommandLine;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// <c>export-candidate --candidate ID [--out FILE]</c>: an access request answered from the command line: everything stored
/// about one candidate as JSON, self-identification included (the operator answers the candidate; recruiters never see it),
/// to standard output or a file. The export is written to the audit log. Exit 0 done, 1 nothing stored or storage failed,
/// 2 bad usage or invalid settings.
/// </summary>
internal sealed class ExportCommand : ICliCommand
{
    private readonly Option<string> _candidate = new("--candidate")
    {
        Description = "The candidate's chat user id (Teams or Slack), as stored with their interviews.",
        HelpName = "ID",
        Required = true,
    };

    private readonly Option<FileInfo?> _out = new("--out")
    {
        Description = "Write the JSON to this file instead of standard output.",
        HelpName = "FILE",
    };

    public ExportCommand()
    {
        Command = new Command("export-candidate", "Prints everything stored about one candidate as JSON (an access request), self-identification included.")
        {
            _candidate,
            _out,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var candidateId = parseResult.GetRequiredValue(_candidate);
        if (string.IsNullOrWhiteSpace(candidateId))
        {
            throw new CliUsageException("option --candidate needs a non-empty ID");
        }

        var file = parseResult.GetValue(_out);
        await using var provider = ComplianceCliServices.Build(context, withChannels: false);
        try
        {
            var export = await provider.GetRequiredService<CandidateRightsService>().ExportAsync(candidateId, AuditActors.Operator, includeSelfIdentification: true, cancellationToken);
            if (export.Interviews.Count == 0 && export.PostedMessages.Count == 0)
            {
                await context.Error.WriteLineAsync($"error: no such candidate '{candidateId}': nothing is stored under that id. The id is the candidate's channel user id (Slack U…, Teams 29:…).");
                return 1;
            }

            var json = CandidateExporter.ToJson(export);
            if (file is null)
            {
                await context.Output.WriteLineAsync(json);
                return 0;
            }

            try
            {
                await File.WriteAllTextAsync(file.FullName, json + "\n", cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliUsageException($"cannot write {file.FullName}: {e.Message}");
            }

            await context.Output.WriteLineAsync($"Wrote {export.Interviews.Count} interview(s) of candidate '{candidateId}' to {file.FullName}.");
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the Storage settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: could not read everything: {e.Message}");
            return 1;
        }
    }
}
