using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// <c>forget --candidate ID</c>: GDPR erasure from the command line. Deletes every interview of one candidate
/// with its transcript and report, in the storage the bot is configured for, and prints what was deleted.
/// </summary>
internal sealed class ForgetCommand : ICliCommand
{
    public string Name => "forget";

    public string Usage => "forget --candidate ID";

    public string Summary => "Deletes everything stored about one candidate (interviews, transcripts, reports) and prints what was deleted.";

    public async Task<int> RunAsync(CliArguments arguments, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(context);
        var candidateId = arguments.GetRequired("candidate");
        arguments.ThrowIfUnknownOptions();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var report = await provider.GetRequiredService<CandidateDataService>().ForgetCandidateAsync(candidateId, cancellationToken);
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
