using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Decisions;

/// <summary>The attribute rules of <see cref="WebhookOptions"/>; <see cref="WebhookCrossFieldValidator"/> checks the rest.</summary>
[OptionsValidator]
internal sealed partial class WebhookOptionsValidator : IValidateOptions<WebhookOptions>;
