using System.Text.Json;
using System.Text.RegularExpressions;
using ScreeningBot.Bot.Hosting;

namespace ScreeningBot.Bot.Tests.Infra;

/// <summary>
/// infra/main.bicep against the bot: routes, configuration names and secret handling. That the templates compile and
/// pass the linter is checked by building infra/ScreeningBot.Infra.proj (.ci/run does).
/// </summary>
public sealed partial class BicepTemplateTests
{
    private const string MainPath = "infra/main.bicep";

    [Theory]
    [InlineData("messagesPath", BotRoutes.Messages)]
    [InlineData("slackCommandsPath", BotRoutes.SlackCommands)]
    [InlineData("slackEventsPath", BotRoutes.SlackEvents)]
    [InlineData("slackInteractionsPath", BotRoutes.SlackInteractions)]
    [InlineData("healthPath", BotRoutes.Ready)]
    public void RoutePaths_Variable_EqualsTheBotRoute(string variable, string route)
    {
        var sut = InfraFiles.ReadText(MainPath);

        var match = Regex.Match(sut, $@"^var {variable} = '([^']*)'$", RegexOptions.Multiline);
        Assert.True(match.Success, $"{MainPath} has no line \"var {variable} = '...'\".");
        Assert.Equal(route, match.Groups[1].Value);
    }

    [Fact]
    public void Main_BotAndWebApp_UseTheMessagesAndHealthRoutes()
    {
        var sut = InfraFiles.ReadText(MainPath);

        Assert.Contains("/api/messages", sut, StringComparison.Ordinal);
        Assert.Contains("messagingEndpoint: 'https://${webApp.outputs.defaultHostName}${messagesPath}'", sut, StringComparison.Ordinal);
        Assert.Contains("healthCheckPath: healthPath", sut, StringComparison.Ordinal);
        Assert.Contains("healthCheckPath: healthCheckPath", InfraFiles.ReadText("infra/modules/webapp.bicep"), StringComparison.Ordinal);
        Assert.Contains("endpoint: messagingEndpoint", InfraFiles.ReadText("infra/modules/bot.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_Names_AreConfigurationKeysTheBotReads()
    {
        var sut = AppSettings(InfraFiles.ReadText(MainPath));
        using var appSettings = JsonDocument.Parse(InfraFiles.ReadText("appsettings.json"));

        // Read by the Azure SDK and the App Service platform rather than by the bot's own options.
        string[] platformSettings = ["AZURE_CLIENT_ID", "APPLICATIONINSIGHTS_CONNECTION_STRING", "WEBSITES_PORT", "ASPNETCORE_FORWARDEDHEADERS_ENABLED"];
        Assert.Superset(
            new HashSet<string>(StringComparer.Ordinal)
            {
                "MicrosoftAppType", "MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId",
                "Slack__SigningSecret", "Slack__BotToken", "Storage__Provider", "Storage__AccountUri",
                "Judge__Provider", "Judge__Endpoint", "Judge__Deployment", "AZURE_CLIENT_ID",
                "Reports__BaseUrl", "Reports__SigningKey", "InterviewLinks__BaseUrl", "InterviewLinks__SigningKey",
                "ASPNETCORE_FORWARDEDHEADERS_ENABLED",
            },
            sut.Keys.ToHashSet(StringComparer.Ordinal));
        foreach (var name in sut.Keys.Except(platformSettings))
        {
            var element = appSettings.RootElement;
            foreach (var part in name.Split("__"))
            {
                Assert.True(
                    element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out element),
                    $"App setting '{name}' in {MainPath} is no key of appsettings.json ('{name.Replace("__", ":", StringComparison.Ordinal)}'); the bot would ignore it.");
            }
        }

        Assert.Equal("'Tables'", sut["Storage__Provider"]);
        Assert.Equal(sut["Reports__BaseUrl"], sut["InterviewLinks__BaseUrl"]);
        Assert.Equal("'AzureOpenAI'", sut["Judge__Provider"]);
    }

    [Theory]
    [InlineData("MicrosoftAppPassword", "appPasswordSecretName")]
    [InlineData("Slack__SigningSecret", "slackSigningSecretName")]
    [InlineData("Slack__BotToken", "slackBotTokenSecretName")]
    [InlineData("Reports__SigningKey", "reportSigningKeySecretName")]
    [InlineData("InterviewLinks__SigningKey", "interviewLinkSigningKeySecretName")]
    public void AppSettings_Secret_IsAKeyVaultReference(string setting, string secretNameVariable)
    {
        var sut = AppSettings(InfraFiles.ReadText(MainPath));

        Assert.Equal($"'@Microsoft.KeyVault(SecretUri=${{keyVault.outputs.uri}}secrets/${{{secretNameVariable}}}/)'", sut[setting]);
    }

    [Fact]
    public void WebApp_KeyVaultReferences_ResolveWithTheUserAssignedIdentity()
    {
        var sut = InfraFiles.ReadText("infra/modules/webapp.bicep");

        Assert.Contains("keyVaultReferenceIdentity: identityId", sut, StringComparison.Ordinal);
        Assert.Contains("httpsOnly: true", sut, StringComparison.Ordinal);
        Assert.Contains("alwaysOn: true", sut, StringComparison.Ordinal);
        Assert.Contains("linuxFxVersion: 'DOTNETCORE|10.0'", sut, StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_Every_IsUsedByMain()
    {
        var sut = InfraFiles.ReadText(MainPath);

        var modules = Directory.GetFiles(InfraFiles.PathOf("infra/modules"), "*.bicep").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(modules);
        Assert.All(modules, module => Assert.Contains($" 'modules/{module}' = {{", sut, StringComparison.Ordinal));
    }

    /// <summary>Every "Name: value" line inside the app-settings variables of main.bicep.</summary>
    private static Dictionary<string, string> AppSettings(string bicep)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var block in SettingsBlockPattern().Matches(bicep).Cast<Match>())
        {
            foreach (var line in SettingLinePattern().Matches(block.Groups["body"].Value).Cast<Match>())
            {
                Assert.True(settings.TryAdd(line.Groups["name"].Value, line.Groups["value"].Value.Trim()), $"App setting {line.Groups["name"].Value} is set twice.");
            }
        }

        Assert.True(settings.Count > 0, $"No app settings found in {MainPath} (variables plainSettings, appPasswordSettings, slackSettings, reportSettings, interviewLinkSettings).");
        return settings;
    }

    [GeneratedRegex(@"^var (plainSettings|appPasswordSettings|slackSettings|reportSettings|interviewLinkSettings) = (?<body>.*?)^(\}|  : \{\})$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SettingsBlockPattern();

    [GeneratedRegex(@"^\s+(?<name>[A-Za-z_]+): (?<value>.+)$", RegexOptions.Multiline)]
    private static partial Regex SettingLinePattern();
}
