using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Commands;

/// <summary>Validates <see cref="ScreeningOptions"/> (the interview settings' data annotations) at start-up.</summary>
[OptionsValidator]
internal sealed partial class ScreeningOptionsValidator : IValidateOptions<ScreeningOptions>;
