using System.ComponentModel.DataAnnotations;

namespace ScreeningBot.Bot.Slack;

/// <summary>
/// Rejects a value that is still an App Service Key Vault reference (<c>@Microsoft.KeyVault(…)</c>): App Service passes the
/// reference text through unchanged when it cannot resolve it, and the bot would otherwise use it as the secret itself.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class NotKeyVaultReferenceAttribute : ValidationAttribute
{
    public const string Prefix = "@Microsoft.KeyVault(";

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        return value is string text && text.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
            ? new ValidationResult(
                $"Slack:{validationContext.MemberName} is an unresolved Key Vault reference. App Service could not read the secret: " +
                "check the web app's identity has 'Key Vault Secrets User' and the secret exists (infra/README.md, section 6).",
                [validationContext.MemberName ?? string.Empty])
            : ValidationResult.Success;
    }
}
