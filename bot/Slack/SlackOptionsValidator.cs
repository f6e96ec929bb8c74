using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Slack;

/// <summary>Validates <see cref="SlackOptions"/> from its data annotations at start-up.</summary>
[OptionsValidator]
internal sealed partial class SlackOptionsValidator : IValidateOptions<SlackOptions>;
