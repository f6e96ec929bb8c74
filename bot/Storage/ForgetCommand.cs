using System.CommandLine;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// <c>forget --candidate ID</c>: GDPR erasure from the command line. Deletes every interview of one candidate
/// with its transcript and report, in the storage the bot is configured for, and prints what was deleted. Exit 0 when
/// something was deleted, 1 when nothing is stored under the id (a typo, or already forgotten) or storage failed
/// half-way, 2 for bad usage or invalid Storage settings.
/// </summary>
internal sealed class ForgetCommand : ICliCommand
{
    private readonly Option<string> _candidate = new("--candidate")
    {
        Description = "The candidate's chat user id (Teams or Slack), as stored with their interviews.",
        HelpName = "ID",
        Required = true,
    };

    public ForgetCommand()
    {
        Command = new Command("forget", "Deletes everything stored about one candidate (interviews, transcripts, reports) and prints what was deleted.")
        {
            _candidate,
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

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var report = await provider.GetRequiredService<CandidateDataService>().ForgetCandidateAsync(candidateId, cancellationToken);
            if (report.Interviews == 0)
            {
                // Nothing is stored under this id: a mistyped id, or a candidate already forgotten.
                await context.Error.WriteLineAsync(
                    $"error: no such candidate '{candidateId}': nothing is stored under that id, so nothing was deleted. " +
                    "The id is the candidate's channel user id (Slack U…, Teams 29:…); if they were forgotten before, there is nothing left to do.");
                return 1;
            }

            await context.Output.WriteLineAsync(
                $"Deleted {report.Interviews} interview(s), {report.TranscriptTurns} transcript turn(s) and {report.Reports} report(s) of candidate '{candidateId}'.");
            foreach (var id in report.InterviewIds)
            {
                await context.Output.WriteLineAsync($"  {id}");
            }

            return 0;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the Storage settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: nothing more could be deleted: {e.Message} Run the command again once storage is back; it continues where it stopped.");
            return 1;
        }
    }
}
