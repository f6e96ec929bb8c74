using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Storage;

/// <summary>Validates <see cref="StorageOptions"/> at startup (generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
