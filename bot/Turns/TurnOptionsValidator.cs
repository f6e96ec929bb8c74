using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Turns;

/// <summary>Validates <see cref="TurnOptions"/> from its data annotations at start-up.</summary>
[OptionsValidator]
internal sealed partial class TurnOptionsValidator : IValidateOptions<TurnOptions>;
