using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Reports;

/// <summary>Validates <see cref="ReportOptions"/>: annotations, plus a signing key whenever links are on.</summary>
[OptionsValidator]
internal sealed partial class ReportOptionsAnnotationsValidator : IValidateOptions<ReportOptions>;

internal sealed class ReportOptionsValidator : IValidateOptions<ReportOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, ReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var annotations = new ReportOptionsAnnotationsValidator().Validate(name, options);
        if (annotations.Failed)
        {
            return annotations;
        }

        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http"))
        {
            return ValidateOptionsResult.Fail($"Reports:BaseUrl '{options.BaseUrl}' is not an absolute URL; set the bot's public address, e.g. https://screeningbot.azurewebsites.net, or leave it empty for no report links.");
        }

        if (!options.BaseUrl!.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && !options.BaseUrl.StartsWith("http://localhost", StringComparison.OrdinalIgnoreCase) && !options.BaseUrl.StartsWith("http://127.0.0.1", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail($"Reports:BaseUrl '{options.BaseUrl}' must be https (report pages hold transcripts); http is allowed only for localhost.");
        }

        if (options.SigningKey is not { Length: >= MinimumKeyLength } || options.SigningKey.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"Reports:BaseUrl is set, so Reports:SigningKey must hold a secret of at least {MinimumKeyLength} characters (set Reports__SigningKey, e.g. from `openssl rand -base64 48`); " +
                "an unresolved Key Vault reference does not count.");
        }

        return ValidateOptionsResult.Success;
    }
}
