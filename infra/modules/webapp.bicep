metadata description = 'Linux App Service plan and the .NET 10 web app that hosts the bot, running as the user-assigned managed identity.'

@description('Azure region.')
param location string

@description('App Service plan name.')
param planName string

@description('Web app name; also the host name <name>.azurewebsites.net, so it must be globally unique.')
@minLength(2)
@maxLength(60)
param appName string

@description('Plan SKU. Basic or higher: Always On is not available on Free or Shared plans.')
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
param skuName string = 'B1'

@description('Resource id of the user-assigned managed identity the app runs as and reads Key Vault references with.')
param identityId string

@description('Path App Service probes; an instance that keeps failing it is taken out of rotation and replaced.')
param healthCheckPath string

@description('Command App Service runs to start the app from the published folder (dotnet publish bot).')
param startupCommand string = 'dotnet ScreeningBot.Bot.dll'

@description('App settings (environment variables). Values must not be secrets: put those in Key Vault and pass a @Microsoft.KeyVault(SecretUri=...) reference.')
param appSettings object

@description('Resource id of the Log Analytics workspace that receives the app\'s HTTP, console and platform logs.')
param workspaceId string

@description('Tags applied to every resource.')
param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    // Linux plans are the "reserved" ones.
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    publicNetworkAccess: 'Enabled'
    // Key Vault references resolve with this identity, not with a system-assigned one.
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: startupCommand
      alwaysOn: true
      healthCheckPath: healthCheckPath
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        for setting in items(appSettings): {
          name: setting.key
          value: string(setting.value)
        }
      ]
    }
  }
}

// Deployments go through `az webapp deploy` with the operator's Entra ID sign-in; no FTP or basic-auth publishing.
resource ftpPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource scmPublishing 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-04-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceAppLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Web app name (for az webapp deploy).')
output name string = site.name

@description('Default host name, e.g. <name>.azurewebsites.net.')
output defaultHostName string = site.properties.defaultHostName
