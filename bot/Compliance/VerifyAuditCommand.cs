using System.CommandLine;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Compliance;

/// <summary>
/// <c>verify-audit</c>: walks the audit log in the configured storage from its first entry and checks the hash chain. Prints
/// the number of entries and the head hash (write it down: a later run that no longer reaches it shows the tail was cut), or
/// the first entry that breaks the chain and how. Exit 0 intact, 1 broken or storage failed, 2 invalid settings.
/// </summary>
internal sealed class VerifyAuditCommand : ICliCommand
{
    public VerifyAuditCommand()
    {
        Command = new Command("verify-audit", "Checks that the audit log's hash chain is intact and names the first entry that breaks it.");
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        await using var provider = ComplianceCliServices.Build(context, withChannels: false);
        try
        {
            var result = await AuditChain.VerifyAsync(provider.GetRequiredService<IAuditLog>(), cancellationToken);
            if (result.IsIntact)
            {
                await context.Output.WriteLineAsync($"audit log intact: {result.Entries} entries, head {result.HeadHash}");
                return 0;
            }

            await context.Error.WriteLineAsync(
                $"error: audit log broken at entry {result.BrokenAt}: {result.Problem}. The {result.Entries} entries before it are intact (last good hash {result.HeadHash}).");
            return 1;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the Storage settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: could not read the audit log: {e.Message}");
            return 1;
        }
    }
}
