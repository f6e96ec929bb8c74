using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Compliance;

/// <summary>Validates <see cref="ComplianceOptions"/> at start-up.</summary>
[OptionsValidator]
internal sealed partial class ComplianceOptionsValidator : IValidateOptions<ComplianceOptions>;
