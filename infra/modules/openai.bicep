metadata description = 'Azure OpenAI account with one chat model deployment for the LLM judge; only Entra ID sign-in is allowed.'

@description('Azure region. The model, version and SKU must be offered there: az cognitiveservices model list --location <region>.')
param location string

@description('Account name; also the custom subdomain of its endpoint (https://<name>.openai.azure.com/).')
@minLength(2)
@maxLength(64)
param accountName string

@description('Deployment name the bot sends requests to (Judge:Deployment).')
param deploymentName string

@description('Model name, e.g. gpt-4.1-mini.')
param modelName string

@description('Model version, e.g. 2025-04-14.')
param modelVersion string

@description('Deployment SKU: GlobalStandard (pay per token, routed worldwide), Standard (regional) or DataZoneStandard.')
@allowed([
  'GlobalStandard'
  'DataZoneStandard'
  'Standard'
])
param deploymentSku string = 'GlobalStandard'

@description('Capacity in thousands of tokens per minute.')
@minValue(1)
@maxValue(1000)
param capacity int = 10

@description('Name of the bot\'s user-assigned managed identity (same resource group); it gets Cognitive Services OpenAI User.')
param identityName string

@description('Tags applied to every resource.')
param tags object = {}

var cognitiveServicesOpenAiUser = '5e0bd9bd-7b93-4f28-af87-19fc36ad61bd'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = {
  name: identityName
}

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: accountName
  location: location
  tags: tags
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  properties: {
    // A custom subdomain is required for Entra ID (token) authentication.
    customSubDomainName: accountName
    // No API keys: the bot authenticates with its managed identity.
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

resource deployment 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: account
  name: deploymentName
  sku: {
    name: deploymentSku
    capacity: capacity
  }
  properties: {
    model: {
      format: 'OpenAI'
      name: modelName
      version: modelVersion
    }
    versionUpgradeOption: 'NoAutoUpgrade'
  }
}

resource userRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, identity.id, cognitiveServicesOpenAiUser)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', cognitiveServicesOpenAiUser)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

@description('Endpoint the bot calls (Judge:Endpoint).')
output endpoint string = account.properties.endpoint

@description('Name of the model deployment (Judge:Deployment).')
output deploymentName string = deployment.name
