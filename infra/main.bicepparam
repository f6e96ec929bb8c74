// Parameters for infra/main.bicep. Values that differ per operator or are secret come from environment variables,
// so this file stays as it is and nothing secret is ever written to disk or typed on a command line:
//   export MICROSOFT_APP_ID=... MICROSOFT_APP_PASSWORD=... OPERATOR_PRINCIPAL_ID=...
//   az deployment group create -g <group> -f infra/main.bicep -p infra/main.bicepparam
// infra/README.md explains each variable. Unset variables fall back to main.bicep's safe defaults.
using './main.bicep'

param baseName = readEnvironmentVariable('SCREENINGBOT_BASE_NAME', 'screeningbot')

param botAppType = readEnvironmentVariable('MICROSOFT_APP_TYPE', 'SingleTenant')
param microsoftAppId = readEnvironmentVariable('MICROSOFT_APP_ID', '')
param microsoftAppPassword = readEnvironmentVariable('MICROSOFT_APP_PASSWORD', '')

param slackEnabled = readEnvironmentVariable('SLACK_ENABLED', 'false') == 'true'
param slackSigningSecret = readEnvironmentVariable('SLACK_SIGNING_SECRET', '')
param slackBotToken = readEnvironmentVariable('SLACK_BOT_TOKEN', '')

param reportLinksEnabled = readEnvironmentVariable('REPORT_LINKS_ENABLED', 'false') == 'true'
param reportSigningKey = readEnvironmentVariable('REPORT_SIGNING_KEY', '')
param publicBaseUrl = readEnvironmentVariable('SCREENINGBOT_PUBLIC_URL', '')

param interviewLinksEnabled = readEnvironmentVariable('INTERVIEW_LINKS_ENABLED', 'false') == 'true'
param interviewLinkSigningKey = readEnvironmentVariable('INTERVIEW_LINK_SIGNING_KEY', '')

param operatorPrincipalId = readEnvironmentVariable('OPERATOR_PRINCIPAL_ID', '')
