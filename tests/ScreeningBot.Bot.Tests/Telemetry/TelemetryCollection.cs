namespace ScreeningBot.Bot.Tests.Telemetry;

/// <summary>
/// Telemetry tests listen to the bot's ActivitySource and meter, which are process-wide: they run alone, after the parallel
/// tests, so the spans and measurements they read are their own bot's.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}
