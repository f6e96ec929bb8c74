using ScreeningBot.Bot.Commands;
using ScreeningBot.Bot.Slack;

namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>What the bot implements, as the app manifests must describe it.</summary>
internal static class ManifestExpectations
{
    /// <summary>Verbs of the recruiter command parser (screen has the alias invite); the manifests may list a subset.</summary>
    public static readonly IReadOnlySet<string> CommandVerbs = new HashSet<string>(RecruiterCommandParser.Verbs, StringComparer.Ordinal);

    /// <summary>Slack Web API methods the bot's client calls, with the bot scope each one needs (null: none).</summary>
    public static readonly IReadOnlyDictionary<string, string?> SlackMethodScopes = SlackWebApiClient.MethodScopes;

    /// <summary>Slack events the bot handles, with the bot scope each subscription needs.</summary>
    public static readonly IReadOnlyDictionary<string, string> SlackEventScopes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["message.im"] = "im:history",
    };

    /// <summary>Scope that slash commands need.</summary>
    public const string SlackCommandsScope = "commands";

    /// <summary>Placeholder for the bot's Microsoft App ID in the Teams manifest, filled in by infra/teams/package.sh.</summary>
    public const string AppIdPlaceholder = "{{MICROSOFT_APP_ID}}";

    /// <summary>Placeholder for the bot's host name in both manifests.</summary>
    public const string DomainPlaceholder = "{{BOT_DOMAIN}}";
}
