using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.InterviewLinks;

/// <summary>Validates <see cref="InterviewLinkOptions"/> from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class InterviewLinkOptionsAnnotationsValidator : IValidateOptions<InterviewLinkOptions>;

/// <summary>Validates <see cref="InterviewLinkOptions"/>: annotations, an https base URL and a signing key whenever links are on.</summary>
internal sealed class InterviewLinkOptionsValidator : IValidateOptions<InterviewLinkOptions>
{
    public const int MinimumKeyLength = 32;

    public ValidateOptionsResult Validate(string? name, InterviewLinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var annotations = new InterviewLinkOptionsAnnotationsValidator().Validate(name, options);
        if (annotations.Failed)
        {
            return annotations;
        }

        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("https" or "http") || baseUri.Query.Length > 0 || baseUri.Fragment.Length > 0)
        {
            return ValidateOptionsResult.Fail($"InterviewLinks:BaseUrl '{options.BaseUrl}' is not an absolute URL without query; set the bot's public address, e.g. https://screeningbot.azurewebsites.net, or leave it empty for no interview links.");
        }

        if (baseUri.Scheme != "https" && !Hosting.Loopback.IsLoopback(baseUri))
        {
            return ValidateOptionsResult.Fail($"InterviewLinks:BaseUrl '{options.BaseUrl}' must be https (candidates' answers travel over it); http is allowed only for localhost.");
        }

        if (options.SigningKey is not { Length: >= MinimumKeyLength } || options.SigningKey.StartsWith("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail(
                $"InterviewLinks:BaseUrl is set, so InterviewLinks:SigningKey must hold a secret of at least {MinimumKeyLength} characters (set InterviewLinks__SigningKey, e.g. from `openssl rand -base64 48`); " +
                "an unresolved Key Vault reference does not count.");
        }

        return ValidateOptionsResult.Success;
    }
}
