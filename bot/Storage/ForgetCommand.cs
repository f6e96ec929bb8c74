using System.CommandLine;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Cli;
using ScreeningBot.Bot.Compliance;
using ScreeningBot.Dialogs.Compliance;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Storage;

/// <summary>
/// <c>forget --candidate ID</c>: GDPR erasure from the command line. Removes the scorecards and notices the bot posted about
/// the candidate in Teams and Slack (with the channels as the bot is configured), then deletes every interview with its
/// transcript, report and self-identification, in the storage the bot is configured for, and prints what was deleted. Exit 0
/// when everything was deleted, 1 when nothing is stored under the id (a typo, or already forgotten), a posted message could
/// not be reached (listed; run it again to retry) or storage failed half-way, 2 for bad usage or invalid settings.
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
        Command = new Command("forget", "Deletes everything stored about one candidate (interviews, transcripts, reports, self-identification) and what the bot posted about them in Teams and Slack, and prints what was deleted.")
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

        await using var provider = ComplianceCliServices.Build(context, withChannels: true);
        try
        {
            var erasure = await provider.GetRequiredService<CandidateRightsService>().ForgetAsync(candidateId, AuditActors.Operator, cancellationToken);
            if (erasure.FoundNothing)
            {
                // Nothing is stored under this id: a mistyped id, or a candidate already forgotten.
                await context.Error.WriteLineAsync(
                    $"error: no such candidate '{candidateId}': nothing is stored under that id, so nothing was deleted. " +
                    "The id is the candidate's channel user id (Slack U…, Teams 29:…); if they were forgotten before, there is nothing left to do.");
                return 1;
            }

            var report = erasure.Stored;
            await context.Output.WriteLineAsync(
                $"Deleted {report.Interviews} interview(s), {report.TranscriptTurns} transcript turn(s), {report.Reports} report(s) and {report.SelfIdentifications} " +
                $"self-identification(s) of candidate '{candidateId}', and removed {erasure.MessagesRemoved} message(s) the bot had posted about them.");
            foreach (var id in report.InterviewIds)
            {
                await context.Output.WriteLineAsync($"  {id}");
            }

            if (erasure.Unreached.Count == 0)
            {
                return 0;
            }

            await context.Error.WriteLineAsync($"error: {erasure.Unreached.Count} posted message(s) could not be removed; run the command again to retry, or delete them by hand:");
            foreach (var missed in erasure.Unreached)
            {
                await context.Error.WriteLineAsync($"  {missed.ChannelId} conversation {missed.ConversationId}, message {missed.MessageId}: {missed.Problem}");
            }

            return 1;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: nothing more could be deleted: {e.Message} Run the command again once storage is back; it continues where it stopped.");
            return 1;
        }
    }
}
