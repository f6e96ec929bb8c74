metadata description = 'ScreeningBot on Azure: managed identity, Storage (Tables, Queues), Azure OpenAI, Key Vault, Application Insights, a Linux .NET 10 web app and an Azure Bot with the Teams channel. Deploy at resource-group scope; see infra/README.md.'

targetScope = 'resourceGroup'

// ---------------------------------------------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------------------------------------------

@description('Short prefix for resource names: 3-12 lower-case letters, digits or hyphens. A hash of the resource group is appended to names that must be globally unique.')
@minLength(3)
@maxLength(12)
param baseName string = 'screeningbot'

@description('Region for every regional resource. Defaults to the resource group\'s region.')
param location string = resourceGroup().location

@description('Region for the Azure OpenAI account, when the model is not offered in the main region.')
param openAiLocation string = location

@description('How the bot authenticates to the Bot Connector. SingleTenant: an Entra app registration in your tenant (microsoftAppId) with a client secret (microsoftAppPassword). UserAssignedMSI: the web app\'s managed identity, no secret at all; needs bot support for MicrosoftAppType=UserAssignedMSI (see infra/README.md).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('SingleTenant only: the client (application) id of the bot\'s Entra app registration. It is also the botId in the Teams manifest ({{MICROSOFT_APP_ID}}). Ignored for UserAssignedMSI.')
param microsoftAppId string = ''

@description('SingleTenant only: a client secret of that app registration. Stored in Key Vault as MicrosoftAppPassword; leave empty to keep the stored value (or set it with az keyvault secret set).')
@secure()
param microsoftAppPassword string = ''

@description('Wire the Slack endpoints\' secrets (Slack__SigningSecret, Slack__BotToken) to Key Vault. Turn on once both secrets are in the vault: an unresolved Key Vault reference would reach the app as its literal text.')
param slackEnabled bool = false

@description('Slack app signing secret (Basic Information > App Credentials). Stored in Key Vault as SlackSigningSecret; leave empty to keep the stored value.')
@secure()
param slackSigningSecret string = ''

@description('Slack bot token, xoxb-... (OAuth & Permissions). Stored in Key Vault as SlackBotToken; leave empty to keep the stored value.')
@secure()
param slackBotToken string = ''

@description('Put a signed, expiring link to the full report (transcript included) on every scorecard. Turn on once the ReportSigningKey secret is in the vault (reportSigningKey below, or az keyvault secret set): an unresolved Key Vault reference would reach the app as its literal text.')
param reportLinksEnabled bool = false

@description('Secret that signs report links, at least 32 characters (e.g. openssl rand -base64 48). Stored in Key Vault as ReportSigningKey; leave empty to keep the stored value.')
@secure()
param reportSigningKey string = ''

@description('Public https address of the bot for report links and interview links; empty = https://<web app name>.azurewebsites.net. Set it when you use a custom domain or the app has a region-specific default host name.')
param publicBaseUrl string = ''

@description('Let recruiters send candidates outside the Teams tenant or Slack workspace an interview link (screen jane@example.com profile-id). Turn on once the InterviewLinkSigningKey secret is in the vault (interviewLinkSigningKey below, or az keyvault secret set): an unresolved Key Vault reference would reach the app as its literal text.')
param interviewLinksEnabled bool = false

@description('Secret that signs interview links, at least 32 characters (e.g. openssl rand -base64 48). Stored in Key Vault as InterviewLinkSigningKey; leave empty to keep the stored value. Changing it invalidates every link already sent.')
@secure()
param interviewLinkSigningKey string = ''

@description('Optional object id of the operator (az ad signed-in-user show --query id -o tsv) who sets and rotates secrets with az keyvault secret set. Empty = no role assignment.')
param operatorPrincipalId string = ''

@description('Type of operatorPrincipalId.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param operatorPrincipalType string = 'User'

@description('Chat model for the LLM judge. Check what the region offers: az cognitiveservices model list --location <region>.')
param openAiModelName string = 'gpt-4.1-mini'

@description('Version of that model.')
param openAiModelVersion string = '2025-04-14'

@description('Name of the model deployment; the bot sends requests to it (Judge:Deployment).')
param openAiDeploymentName string = 'judge'

@description('Deployment SKU of the model.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
  'Standard'
])
param openAiDeploymentSku string = 'GlobalStandard'

@description('Model capacity in thousands of tokens per minute. A screening judges a few dozen short answers, so 10 is plenty for a pilot.')
@minValue(1)
@maxValue(1000)
param openAiCapacity int = 10

@description('App Service plan SKU (Basic or higher, for Always On).')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
  'P3v3'
])
param appServiceSku string = 'B1'

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_LRS'

@description('Key Vault purge protection. Safe default on; it cannot be turned off later, and a deleted vault name stays reserved for 90 days.')
param keyVaultPurgeProtection bool = true

@description('Azure Bot pricing tier. F0 (free) covers the Teams channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Name shown for the bot in channels.')
@maxLength(42)
param botDisplayName string = 'Screening assistant'

@description('Tags applied to every resource.')
param tags object = {
  application: 'screeningbot'
}

// ---------------------------------------------------------------------------------------------------------------
// Names and the bot's routes (bot/Hosting/BotRoutes.cs; tests compare the two)
// ---------------------------------------------------------------------------------------------------------------

var suffix = take(uniqueString(subscription().id, resourceGroup().id, baseName), 8)
var compactBaseName = toLower(replace(baseName, '-', ''))

var identityName = 'id-${baseName}'
var workspaceName = 'log-${baseName}-${suffix}'
var appInsightsName = 'appi-${baseName}-${suffix}'
var storageAccountName = take('st${compactBaseName}${suffix}', 24)
var openAiAccountName = 'oai-${baseName}-${suffix}'
var keyVaultName = 'kv-${baseName}-${suffix}'
var planName = 'asp-${baseName}-${suffix}'
var webAppName = 'app-${baseName}-${suffix}'
var botName = 'bot-${baseName}-${suffix}'

var messagesPath = '/api/messages'
var slackCommandsPath = '/api/slack/commands'
var slackEventsPath = '/api/slack/events'
var slackInteractionsPath = '/api/slack/interactions'
// Readiness (bot/Health): storage answers, and the LLM judge's model when one is configured. Liveness alone is '/healthz'.
var healthPath = '/healthz/ready'

// Key Vault secret names. The app settings reference them by URI without a version, so the app picks up a rotated
// secret on its next restart (or within 24 hours).
var appPasswordSecretName = 'MicrosoftAppPassword'
var slackSigningSecretName = 'SlackSigningSecret'
var slackBotTokenSecretName = 'SlackBotToken'
var reportSigningKeySecretName = 'ReportSigningKey'
var interviewLinkSigningKeySecretName = 'InterviewLinkSigningKey'

// ---------------------------------------------------------------------------------------------------------------
// Resources
// ---------------------------------------------------------------------------------------------------------------

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: identityName
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    accountName: storageAccountName
    skuName: storageSku
    identityName: identity.name
    tags: tags
  }
}

module openAi 'modules/openai.bicep' = {
  name: 'openai'
  params: {
    location: openAiLocation
    accountName: openAiAccountName
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSku: openAiDeploymentSku
    capacity: openAiCapacity
    identityName: identity.name
    tags: tags
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    vaultName: keyVaultName
    identityName: identity.name
    operatorPrincipalId: operatorPrincipalId
    operatorPrincipalType: operatorPrincipalType
    enablePurgeProtection: keyVaultPurgeProtection
    secrets: {
      '${appPasswordSecretName}': botAppType == 'SingleTenant' ? microsoftAppPassword : ''
      '${slackSigningSecretName}': slackSigningSecret
      '${slackBotTokenSecretName}': slackBotToken
      '${reportSigningKeySecretName}': reportSigningKey
      '${interviewLinkSigningKeySecretName}': interviewLinkSigningKey
    }
    tags: tags
  }
}

var botAppId = botAppType == 'UserAssignedMSI'
  ? identity.properties.clientId
  : (!empty(microsoftAppId)
      ? microsoftAppId
      : fail('microsoftAppId is empty. Create the bot\'s Entra app registration first (infra/README.md, step 2) and pass its client id, e.g. export MICROSOFT_APP_ID=<client id> before deploying with main.bicepparam; or set botAppType to UserAssignedMSI.'))

// Plain settings: names, endpoints and ids, none of them secret.
var plainSettings = {
  MicrosoftAppType: botAppType
  MicrosoftAppId: botAppId
  MicrosoftAppTenantId: tenant().tenantId
  // DefaultAzureCredential / ManagedIdentityCredential pick the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.properties.clientId
  Storage__Provider: 'Tables'
  Storage__AccountUri: storage.outputs.tableEndpoint
  Judge__Provider: 'AzureOpenAI'
  Judge__Endpoint: openAi.outputs.endpoint
  Judge__Deployment: openAi.outputs.deploymentName
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.appInsightsConnectionString
  // The committed appsettings.json binds to localhost:3978 for development; App Service forwards to port 8080,
  // and an environment variable outranks appsettings.json.
  Urls: 'http://+:8080'
  WEBSITES_PORT: '8080'
  // The client address is the App Service front end's unless ASP.NET Core reads the X-Forwarded-For it adds; the interview
  // links' per-address rate limit needs the real one (bot/InterviewLinks/InterviewLinkRateLimits.cs).
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
}

// Secrets: only Key Vault references, resolved by App Service with the user-assigned identity.
var appPasswordSettings = botAppType == 'SingleTenant'
  ? {
      MicrosoftAppPassword: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${appPasswordSecretName}/)'
    }
  : {}
var slackSettings = slackEnabled
  ? {
      Slack__SigningSecret: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${slackSigningSecretName}/)'
      Slack__BotToken: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${slackBotTokenSecretName}/)'
    }
  : {}

var reportSettings = reportLinksEnabled
  ? {
      Reports__BaseUrl: empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net' : publicBaseUrl
      Reports__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${reportSigningKeySecretName}/)'
    }
  : {}

var interviewLinkSettings = interviewLinksEnabled
  ? {
      InterviewLinks__BaseUrl: empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net' : publicBaseUrl
      InterviewLinks__SigningKey: '@Microsoft.KeyVault(SecretUri=${keyVault.outputs.uri}secrets/${interviewLinkSigningKeySecretName}/)'
    }
  : {}

module webApp 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    planName: planName
    appName: webAppName
    skuName: appServiceSku
    identityId: identity.id
    healthCheckPath: healthPath
    appSettings: union(plainSettings, appPasswordSettings, slackSettings, reportSettings, interviewLinkSettings)
    workspaceId: monitoring.outputs.workspaceId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: botName
    displayName: botDisplayName
    messagingEndpoint: 'https://${webApp.outputs.defaultHostName}${messagesPath}'
    appType: botAppType
    appId: botAppId
    appTenantId: tenant().tenantId
    identityResourceId: identity.id
    skuName: botSku
    tags: tags
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Outputs: what the operator needs next (infra/README.md walks through them)
// ---------------------------------------------------------------------------------------------------------------

@description('Host name of the bot: {{BOT_DOMAIN}} in infra/teams/manifest.json and infra/slack/manifest.yaml.')
output botDomain string = webApp.outputs.defaultHostName

@description('Microsoft App ID: {{MICROSOFT_APP_ID}} (botId) in the Teams manifest.')
output microsoftAppId string = botAppId

@description('How the bot authenticates to the Bot Connector.')
output microsoftAppType string = botAppType

@description('Bot Framework messaging endpoint set on the Azure Bot.')
output messagingEndpoint string = 'https://${webApp.outputs.defaultHostName}${messagesPath}'

@description('Slack slash-command request URL.')
output slackCommandsUrl string = 'https://${webApp.outputs.defaultHostName}${slackCommandsPath}'

@description('Slack Events API request URL.')
output slackEventsUrl string = 'https://${webApp.outputs.defaultHostName}${slackEventsPath}'

@description('Slack interactivity request URL.')
output slackInteractionsUrl string = 'https://${webApp.outputs.defaultHostName}${slackInteractionsPath}'

@description('Where interview links point (screen jane@example.com …); empty while interviewLinksEnabled is false.')
output interviewLinkBaseUrl string = interviewLinksEnabled ? (empty(publicBaseUrl) ? 'https://${webAppName}.azurewebsites.net' : publicBaseUrl) : ''

@description('Health check URL; answers 200 once the app is up.')
output healthUrl string = 'https://${webApp.outputs.defaultHostName}${healthPath}'

@description('Web app name, for az webapp deploy.')
output webAppName string = webApp.outputs.name

@description('Key Vault name, for az keyvault secret set.')
output keyVaultName string = keyVault.outputs.name

@description('Azure Bot resource name.')
output botName string = bot.outputs.name

@description('Client id of the managed identity the web app runs as.')
output managedIdentityClientId string = identity.properties.clientId

@description('Azure OpenAI endpoint (Judge:Endpoint).')
output openAiEndpoint string = openAi.outputs.endpoint

@description('Storage account name.')
output storageAccountName string = storage.outputs.accountName
