namespace ScreeningBot.Bot.BotFramework;

/// <summary><c>MicrosoftAppType</c>: how the bot's Entra app registration is set up; decides the authority of its outbound tokens.</summary>
internal enum BotAppType
{
    /// <summary>The registration lives in one tenant (<c>MicrosoftAppTenantId</c>); the default for new Azure Bots.</summary>
    SingleTenant,

    /// <summary>A multi-tenant registration; tokens come from the <c>botframework.com</c> tenant.</summary>
    MultiTenant,
}
