using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Judging;

/// <summary>Validates <see cref="LlmJudgeOptions"/> at startup (generated from its attributes and <c>Validate</c>).</summary>
[OptionsValidator]
internal sealed partial class LlmJudgeOptionsValidator : IValidateOptions<LlmJudgeOptions>;
