metadata description = 'Log Analytics workspace and the workspace-based Application Insights component the bot reports to.'

@description('Azure region for both resources.')
param location string

@description('Log Analytics workspace name.')
param workspaceName string

@description('Application Insights component name.')
param appInsightsName string

@description('Days to keep logs. 30 is the free retention of a PerGB2018 workspace.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 30

@description('Tags applied to every resource.')
param tags object = {}

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

@description('Resource id of the Log Analytics workspace (diagnostic settings send logs here).')
output workspaceId string = workspace.id

@description('Application Insights connection string. Not a secret (it only allows sending telemetry), so it goes in a plain app setting.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString
