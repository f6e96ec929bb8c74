using Microsoft.Extensions.Options;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Reports;

/// <summary>Validates <see cref="ReportOptions"/>: annotations, plus a signing key whenever links are on.</summary>
[OptionsValidator]
internal sealed partial class ReportOptionsAnnotationsValidator : IValidateOptions<ReportOptions>;

internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var annotations = new ReportOptionsAnnotationsValidator().Validate(name, options);
        return annotations.Failed ? annotations
            : SignedLinkSettings.Problem(ReportOptions.SectionName, options.BaseUrl, options.SigningKey, "report pages hold transcripts", "report links") is { } problem ? ValidateOptionsResult.Fail(problem)
            : ValidateOptionsResult.Success;
    }
}
