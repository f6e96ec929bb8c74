using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>Validates <see cref="InterviewLinkOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class InterviewLinkOptionsAnnotationsValidator : IValidateOptions<InterviewLinkOptions>;

/// <summary>Validates <see cref="InterviewLinkOptions"/>: annotations, then an https base URL and a signing key whenever links are on.</summary>
internal sealed class InterviewLinkOptionsValidator : IValidateOptions<InterviewLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, InterviewLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var annotations = new InterviewLinkOptionsAnnotationsValidator().Validate(name, options);
        return annotations.Failed ? annotations
            : SignedLinkSettings.Problem(InterviewLinkOptions.SectionName, options.BaseUrl, options.SigningKey, "candidates' answers travel over it", "interview links") is { } problem ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
