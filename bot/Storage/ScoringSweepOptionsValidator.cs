using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Storage;

[OptionsValidator]
internal sealed partial class ScoringSweepOptionsValidator : IValidateOptions<ScoringSweepOptions>;
