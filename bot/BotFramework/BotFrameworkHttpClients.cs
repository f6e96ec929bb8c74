namespace ScreeningBot.Bot.BotFramework;

/// <summary>Names of the Bot Framework's <see cref="IHttpClientFactory"/> clients (tests replace their primary handlers).</summary>
internal static class BotFrameworkHttpClients
{
    /// <summary>OpenID metadata and JWKS downloads.</summary>
    public const string OpenId = "BotFramework.OpenId";

    /// <summary>Outbound token requests (MSAL).</summary>
    public const string Token = "BotFramework.Token";

    /// <summary>The Bot Connector REST API (typed <see cref="ConnectorClient"/>).</summary>
    public const string Connector = "BotFramework.Connector";
}
