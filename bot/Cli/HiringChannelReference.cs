using System.Text.RegularExpressions;
using ScreeningBot.Bot.InterviewLinks;
using ScreeningBot.Dialogs.Profiles;
using ScreeningBot.Dialogs.Screening;

namespace ScreeningBot.Bot.Cli;

/// <summary>
/// The hiring channel of an <c>invite</c> from the command line, where no Teams or Slack message says where the recruiter is:
/// <c>--channel slack:C0123ABCD</c> or <c>--channel teams:19:…@thread.tacv2</c> (a bare id works too: <c>C…</c>/<c>G…</c> is
/// Slack, <c>19:…</c> Teams), else <c>Screening:HiringChannels:&lt;profile&gt;</c>, else the profile's <c>hiringChannels</c>
/// (the one whose channel the bot is configured for, when it names both). The channel must be one the bot can post to
/// when the scorecard is ready: Slack needs <c>Slack:BotToken</c>, Teams <c>MicrosoftAppId</c>.
/// </summary>
internal static partial class HiringChannelReference
{
    public const string Syntax = "slack:C0123ABCD or teams:19:…@thread.tacv2";

    /// <summary>The hiring conversation, or a sentence saying what is wrong and how to fix it.</summary>
    public static (ConversationAddress? Address, string? Error) Resolve(string? option, Profile profile, IDictionary<string, string> configured, IConfiguration configuration, InterviewLinkOptions links)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(configured);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(links);
        var slackReady = !string.IsNullOrWhiteSpace(configuration["Slack:BotToken"]);
        var teamsReady = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        (string Kind, string Id)? named;
        if (!string.IsNullOrWhiteSpace(option))
        {
            named = Parse(option.Trim());
            if (named is null)
            {
                return (null, $"--channel '{Clip(option)}' is not a hiring channel; write {Syntax}");
            }
        }
        else if (configured.TryGetValue(profile.Id, out var setting) && !string.IsNullOrWhiteSpace(setting))
        {
            named = Parse(setting.Trim());
            if (named is null)
            {
                return (null, $"Screening:HiringChannels:{profile.Id} is '{Clip(setting)}', which is neither a Slack channel id (C…) nor a Teams channel id (19:…); fix it or pass --channel {Syntax}");
            }
        }
        else
        {
            var (slack, teams) = (profile.HiringChannels.Slack, profile.HiringChannels.Teams);
            named = (slack, teams) switch
            {
                ({ }, { }) when slackReady == teamsReady => null,
                ({ } s, { }) when slackReady => ("slack", s),
                ({ }, { } t) => ("teams", t),
                ({ } s, null) => ("slack", s),
                (null, { } t) => ("teams", t),
                _ => null,
            };
            if (named is null)
            {
                return slack is not null && teams is not null
                    ? (null, $"profile '{profile.Id}' names a Slack and a Teams hiring channel; pick one with --channel slack:{slack} or --channel teams:{teams}")
                    : (null, $"no hiring channel for the scorecard: pass --channel {Syntax}, or set hiringChannels in {ProfileFile(profile)}");
            }
        }

        var (kind, id) = named.Value;
        if (kind == "slack")
        {
            return slackReady
                ? (Slack.SlackConversationChannel.AddressOf(id), null)
                : (null, $"the scorecard would go to Slack channel {id}, but Slack:BotToken is not set, so the bot could not post it; set Slack__BotToken or pick a Teams channel");
        }

        if (!teamsReady)
        {
            return (null, $"the scorecard would go to Teams channel {id}, but MicrosoftAppId is not set, so the bot could not post it; configure the Teams bot (README, Microsoft Teams) or pick a Slack channel");
        }

        var appId = configuration["MicrosoftAppId"]!.Trim();
        var tenant = configuration["MicrosoftAppTenantId"]?.Trim();
        return (new ConversationAddress
        {
            ChannelId = "msteams",
            ConversationId = id,
            ServiceUrl = links.TeamsServiceUrl,
            TenantId = string.IsNullOrEmpty(tenant) ? null : tenant,
            BotId = "28:" + appId,
            ViaBotFramework = true,
        }, null);
    }

    private static (string Kind, string Id)? Parse(string text)
    {
        var (kind, id) = text.StartsWith("slack:", StringComparison.OrdinalIgnoreCase) ? ("slack", text[6..])
            : text.StartsWith("teams:", StringComparison.OrdinalIgnoreCase) ? ("teams", text[6..])
            : (null, text);
        if (kind is null or "slack" && SlackChannelPattern().IsMatch(id))
        {
            return ("slack", id);
        }

        return kind is null or "teams" && TeamsChannelPattern().IsMatch(id) ? ("teams", id) : null;
    }

    private static string ProfileFile(Profile profile) => string.IsNullOrEmpty(profile.SourcePath) ? $"profiles/{profile.Id}.yaml" : profile.SourcePath;

    private static string Clip(string text) => text.Length <= 60 ? text : text[..60] + "…";

    [GeneratedRegex("^[CG][A-Z0-9]{6,20}$", RegexOptions.CultureInvariant)]
    private static partial Regex SlackChannelPattern();

    [GeneratedRegex(@"^19:[^\s;]{1,200}$", RegexOptions.CultureInvariant)]
    private static partial Regex TeamsChannelPattern();
}
