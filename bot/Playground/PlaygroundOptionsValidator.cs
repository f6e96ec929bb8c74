using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Playground;

/// <summary>Validates <see cref="PlaygroundOptions"/> from its data annotations at start-up.</summary>
[OptionsValidator]
internal sealed partial class PlaygroundOptionsValidator : IValidateOptions<PlaygroundOptions>;
