using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Reminders;

[OptionsValidator]
internal sealed partial class ReminderOptionsValidator : IValidateOptions<ReminderOptions>;
