using Microsoft.Extensions.Options;

namespace ScreeningBot.Bot.Decisions;

/// <summary>A configured webhook URL needs a long enough secret, and https unless it points at this machine.</summary>
internal sealed class WebhookCrossFieldValidator : IValidateOptions<WebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var problems = Problems(options).ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    /// <summary>Checks the cross-field rules the attributes cannot say; returns every problem found.</summary>
    public static IEnumerable<string> Problems(WebhookOptions options)
    {
        if (!options.Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && !(url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
        {
            yield return $"Webhook:Url '{options.Url}' must be an absolute https URL (http is accepted only for this machine, for testing).";
        }

        if (options.Secret is not { Length: >= WebhookOptions.MinSecretLength })
        {
            yield return $"Webhook:Secret must be set, with at least {WebhookOptions.MinSecretLength} characters, when Webhook:Url is; set it in the environment (Webhook__Secret) or user-secrets, e.g. from `openssl rand -hex 32`.";
        }
    }
}
