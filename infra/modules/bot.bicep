metadata description = 'Azure Bot registration pointing at the web app\'s messaging endpoint, with the Microsoft Teams channel on.'

@description('Azure Bot resource name (globally unique).')
@minLength(2)
@maxLength(64)
param botName string

@description('Name shown in channels that display one.')
param displayName string

@description('HTTPS messaging endpoint: https://<web app host>/api/messages.')
param messagingEndpoint string

@description('How the bot proves who it is to the Bot Connector: SingleTenant (Entra app registration + client secret) or UserAssignedMSI (the web app\'s managed identity, no secret).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string

@description('Microsoft App ID: the app registration\'s client id, or the managed identity\'s client id for UserAssignedMSI.')
param appId string

@description('Tenant of the app registration or managed identity.')
param appTenantId string

@description('Resource id of the user-assigned managed identity (used only when appType is UserAssignedMSI).')
param identityResourceId string

@description('F0 is free and covers the Teams channel; S1 is the paid tier for premium channels.')
@allowed([
  'F0'
  'S1'
])
param skuName string = 'F0'

@description('Tags applied to every resource.')
param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  // Azure Bot registrations are global; the bot itself runs wherever the web app is.
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: skuName
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: appType
    msaAppTenantId: appTenantId
    msaAppMSIResourceId: appType == 'UserAssignedMSI' ? identityResourceId : null
    publicNetworkAccess: 'Enabled'
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      enableCalling: false
      acceptedTerms: true
    }
  }
}

@description('Azure Bot resource name.')
output name string = bot.name
