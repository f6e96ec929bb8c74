using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Hosting;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Bot.Storage;
using ScreeningBot.Dialogs.Storage;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// <c>invite --profile ID --name "Jane Doe" [--email ADDRESS] [--channel CHANNEL]</c>: starts a screen for someone outside the
/// Teams tenant and Slack workspace, in the storage the bot is configured for, and prints the interview link to send them on
/// the last line. The scorecard goes to the hiring channel (<see cref="HiringChannelReference"/>) when they finish, posted by
/// the running bot. Exit 0 with the link, 1 when storage failed, 2 for bad usage or missing settings.
/// </summary>
internal sealed class InviteCommand : ICliCommand
{
    private readonly Option<string> _profile = new("--profile")
    {
        Description = "The profile (role) to screen for, e.g. backend-senior.",
        HelpName = "ID",
        Required = true,
    };

    private readonly Option<string> _name = new("--name")
    {
        Description = "The candidate's name, as the interview greets them and the scorecard shows it.",
        HelpName = "NAME",
        Required = true,
    };

    private readonly Option<string?> _email = new("--email")
    {
        Description = "The candidate's email address: status, report and forget then find them by it, and inviting it again to the same profile gives the same link.",
        HelpName = "ADDRESS",
    };

    private readonly Option<string?> _channel = new("--channel")
    {
        Description = $"Where the scorecard goes: {HiringChannelReference.Syntax}. Default: Screening:HiringChannels or the profile's hiringChannels.",
        HelpName = "CHANNEL",
    };

    public InviteCommand()
    {
        Command = new Command("invite", "Sends someone outside Teams and Slack an interview link: starts their screen and prints the link to send them.")
        {
            _profile,
            _name,
            _email,
            _channel,
        };
    }

    public Command Command { get; }

    public async Task<int> RunAsync(ParseResult parseResult, CliContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(context);
        var name = LinkCandidates.CleanName(parseResult.GetRequiredValue(_name))
            ?? throw new CliUsageException($"--name needs the candidate's name, 1 to {LinkCandidates.MaxNameLength} characters");
        string? email = null;
        if (parseResult.GetValue(_email) is { } typed)
        {
            email = LinkCandidates.NormalizeEmail(typed) ?? throw new CliUsageException($"--email '{Clip(typed)}' is not one email address such as jane@example.com");
        }

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Time);
        services.AddScreeningBotStorage(context.Configuration);
        services.AddScreeningCore(context.Configuration);
        await using var provider = services.BuildServiceProvider();
        try
        {
            var links = provider.GetRequiredService<IOptions<InterviewLinkOptions>>().Value;
            var invitations = provider.GetRequiredService<InterviewLinkInvitations>();
            if (!invitations.Enabled)
            {
                await context.Error.WriteLineAsync("error: " + InterviewLinkInvitations.SettingsNeeded);
                return 2;
            }

            var profiles = provider.GetRequiredService<Dialogs.Profiles.IProfileSource>();
            var profileId = parseResult.GetRequiredValue(_profile).Trim();
            if (!profiles.TryGet(profileId, out var profile))
            {
                var available = string.Join(", ", profiles.Profiles.Select(p => p.Id));
                await context.Error.WriteLineAsync($"error: there is no profile '{Clip(profileId)}'; available: {(available.Length == 0 ? "none (check Screening:ProfilesPath)" : available)}.");
                return 2;
            }

            var screening = provider.GetRequiredService<IOptions<ScreeningOptions>>().Value;
            var (hiring, problem) = HiringChannelReference.Resolve(parseResult.GetValue(_channel), profile, screening.HiringChannels, context.Configuration, links);
            if (hiring is null)
            {
                await context.Error.WriteLineAsync($"error: {problem}.");
                return 2;
            }

            var invitation = await invitations.InviteAsync(new LinkInvitationRequest(profile.Id, name, email, null, hiring), cancellationToken);
            var interview = invitation.Interview!;
            var until = interview.Record.ExpiresAt.UtcDateTime.ToString("dddd d MMMM yyyy 'at' HH:mm 'UTC'", CultureInfo.InvariantCulture);
            var who = email is null ? name : $"{name} ({email})";
            var where = hiring.ChannelId == "slack" ? $"Slack channel {hiring.ConversationId}" : $"Teams channel {hiring.ConversationId}";
            if (invitation.Status == LinkInvitationStatus.AlreadyInProgress)
            {
                await context.Output.WriteLineAsync($"{who} already has a {profile.Title} screen in progress ({interview.Id}); its link again, until {until}:");
            }
            else
            {
                await context.Output.WriteLineAsync($"Invited {who} to the {profile.Title} screen ({interview.Id}). The scorecard goes to {where} when they finish.");
                await context.Output.WriteLineAsync($"The link opens this screen only and works until {until}. Send it to the candidate:");
            }

            await context.Output.WriteLineAsync(invitation.Url);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await context.Error.WriteLineAsync($"error: the settings are invalid: {e.Message}");
            return 2;
        }
        catch (StorageUnavailableException e)
        {
            await context.Error.WriteLineAsync($"error: nothing was started: {e.Message} Run the command again once storage is back.");
            return 1;
        }
    }

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
