using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>Validates <see cref="BotFrameworkOptions"/> from its data annotations at start-up.</summary>
[OptionsValidator]
internal sealed partial class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>;

/// <summary>The rules annotations cannot express: the app registration's keys must fit together.</summary>
internal sealed class BotFrameworkRegistrationValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var type = options.MicrosoftAppType?.Trim();
        if (!string.IsNullOrEmpty(type)
            && !string.Equals(type, nameof(BotAppType.SingleTenant), StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, nameof(BotAppType.MultiTenant), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"MicrosoftAppType '{type}' is not supported; use SingleTenant (with MicrosoftAppTenantId) or MultiTenant.");
        }

        if (options.AuthenticationEnabled)
        {
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                errors.Add("MicrosoftAppId is set but MicrosoftAppPassword is empty; set the app registration's client secret (environment variable MicrosoftAppPassword or user-secrets).");
            }

            if (options.AppType == BotAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                errors.Add("MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty; set it to the tenant id of the bot's app registration, or set MicrosoftAppType to MultiTenant.");
            }
        }

        if (!Uri.TryCreate(options.AuthorityHost, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add($"BotFramework:AuthorityHost '{options.AuthorityHost}' must be an https URL such as https://login.microsoftonline.com/.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
