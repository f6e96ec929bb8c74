using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.BotFramework;

/// <summary>
/// Body of the HTTP 200 answering an <c>invoke</c> (docs/channels.md): <c>{ statusCode, type, value }</c>; a toast
/// (<see cref="MessageType"/>) or an error (<see cref="ErrorType"/> with <c>{ code, message }</c>).
/// </summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonNode? Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";

    public static AdaptiveCardInvokeResponse Message(string text) => new(200, MessageType, JsonValue.Create(text));

    public static AdaptiveCardInvokeResponse Error(int statusCode, string code, string message) =>
        new(statusCode, ErrorType, new JsonObject { ["code"] = code, ["message"] = message });
}
