namespace ScreeningBot.Bot.BotFramework;

/// <summary>Result of <c>POST v3/conversations</c>: the conversation id, and the first activity's id when one was sent.</summary>
internal sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>Result of sending, replying to or updating an activity.</summary>
internal sealed record ResourceResponse(string? Id);

/// <summary>The Bot Connector's error body: <c>{ "error": { "code", "message" } }</c>.</summary>
internal sealed record ConnectorErrorResponse(ConnectorError? Error);

internal sealed record ConnectorError(string? Code, string? Message);
