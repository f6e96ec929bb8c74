using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Validates <see cref="BotFrameworkOptions"/> at start-up: its data annotations and the app registration rules of <see cref="BotFrameworkOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>;
