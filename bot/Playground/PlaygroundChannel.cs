using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Turns;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// Whether the playground is on, and why not when it is off. On exactly when Bot Framework authentication is off (no
/// <c>MicrosoftAppId</c>, the root key bot/BotFramework/BotFrameworkOptions.cs reads; the bot then refuses to start unless
/// every address is loopback) and <see cref="PlaygroundOptions.Enabled"/> is true. The environment name plays no part: a
/// deployed bot always has an app id, so it never serves the playground, and <c>dotnet run</c> on a laptop always does.
/// While on, it vouches for whoever types a command on the page as a recruiter (an <see cref="IRecruiterRule"/>).
/// </summary>
internal sealed class PlaygroundChannel(IConfiguration configuration, IOptions<PlaygroundOptions> playground) : IRecruiterRule
{
    /// <summary>The <c>channelId</c> of activities from the playground page.</summary>
    public const string Id = "playground";

    /// <summary>The root configuration key whose presence turns Bot Framework authentication on.</summary>
    public const string AppIdKey = "MicrosoftAppId";

    public bool IsEnabled => DisabledReason is null;

    /// <summary>Why the playground is off, for the start-up log; null when it is on.</summary>
    public string? DisabledReason =>
        !playground.Value.Enabled ? "Playground:Enabled is false"
        : !string.IsNullOrWhiteSpace(configuration[AppIdKey]) ? "MicrosoftAppId is set, so Bot Framework authentication is on and the page could not post activities"
        : null;

    /// <summary>
    /// True for a command typed on the playground page while the playground is on: whoever can reach a loopback-only bot
    /// without authentication is the developer running it, so the page's recruiter may run commands.
    /// </summary>
    public ValueTask<bool> VouchesForAsync(Turn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return ValueTask.FromResult(IsEnabled && string.Equals(turn.Conversation.ChannelId, Id, StringComparison.Ordinal));
    }
}
