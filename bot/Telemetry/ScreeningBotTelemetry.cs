using System.Diagnostics;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>
/// The names under which the bot publishes traces and metrics, and its one <see cref="ActivitySource"/>. Spans and metrics
/// carry channel, turn kind, interview phase and outcome: never what a person wrote, nor names or ids of people.
/// </summary>
internal static class ScreeningBotTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Name = "ScreeningBot";

    /// <summary>The span of one turn (see <see cref="Turns.TurnHost"/>).</summary>
    public const string TurnSpan = "screeningbot.turn";

    /// <summary>Spans of one turn; <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null, at no cost, while nobody listens.</summary>
    public static ActivitySource Source { get; } = new(Name);

    /// <summary>Attribute names, OpenTelemetry style.</summary>
    public static class Tags
    {
        public const string Channel = "screeningbot.channel";

        public const string TurnKind = "screeningbot.turn.kind";

        public const string Phase = "screeningbot.turn.phase";

        public const string Outcome = "screeningbot.turn.outcome";

        public const string Operation = "screeningbot.storage.operation";

        public const string Judge = "screeningbot.judge";

        public const string Success = "screeningbot.success";
    }
}
