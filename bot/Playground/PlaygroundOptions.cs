using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Playground;

/// <summary>
/// The local playground (section <c>Playground</c>): a page at <c>/</c> plus an in-process stand-in for the Bot Connector
/// under <c>/playground/</c>. It is only ever on when Bot Framework authentication is off (no <c>MicrosoftAppId</c>, which
/// also forces the bot onto loopback); <see cref="Enabled"/> can turn it off there too. Every store is in memory and
/// bounded, because the playground is a development tool that should never grow with use.
/// </summary>
internal sealed class PlaygroundOptions
{
    public const string SectionName = "Playground";

    /// <summary>Set to false to keep the page off even for local development. Default on, so <c>dotnet run</c> shows it.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Largest body the playground connector accepts. The bot's biggest activity (a scorecard card) is a few KiB.</summary>
    [Range(1_024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Conversations kept; creating one more forgets the one idle longest. A session uses a handful.</summary>
    [Range(2, 10_000)]
    public int MaxConversations { get; set; } = 100;

    /// <summary>Activities kept per conversation; older ones are dropped. A whole interview is well under 200 messages.</summary>
    [Range(1, 100_000)]
    public int MaxActivitiesPerConversation { get; set; } = 200;

    /// <summary>Bytes of activity JSON kept across all conversations; the oldest activities go first beyond it.</summary>
    [Range(64 * 1024, 1024 * 1024 * 1024)]
    public int MaxStoredBytes { get; set; } = 16 * 1024 * 1024;
}
