using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Telemetry;

/// <summary>Validates <see cref="TelemetryOptions"/> from its data annotations at start-up.</summary>
[OptionsValidator]
internal sealed partial class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>;
