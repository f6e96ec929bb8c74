using System.Text.Json.Nodes;

namespace ScreeningBot.Bot.Slack;

// Slack's JSON, as far as the screener reads it (snake_case through SlackJsonContext). Every field is optional:
// inbound payloads are untrusted and checked where they are used.

/// <summary>An Events API delivery: <c>url_verification</c> or <c>event_callback</c>.</summary>
internal sealed record SlackEventEnvelope(string? Type, string? Challenge, string? TeamId, string? ApiAppId, string? EventId, SlackMessageEvent? Event);

/// <summary>The inner event of a delivery; the screener handles <c>message</c> events in DMs (<c>message.im</c>).</summary>
internal sealed record SlackMessageEvent(
    string? Type,
    string? Subtype,
    string? Channel,
    string? ChannelType,
    string? User,
    string? BotId,
    string? Text,
    string? Ts,
    string? ClientMsgId,
    string? ThreadTs);

/// <summary>An interactivity payload (form field <c>payload</c>); the screener handles <c>block_actions</c> button clicks.</summary>
internal sealed record SlackInteraction(
    string? Type,
    SlackEntity? Team,
    string? ApiAppId,
    SlackEntity? User,
    SlackEntity? Channel,
    SlackContainer? Container,
    SlackInteractionMessage? Message,
    string? ResponseUrl,
    IReadOnlyList<SlackAction>? Actions,
    SlackState? State = null);

/// <summary>
/// <c>state</c> of a <c>block_actions</c> payload: every stateful element of the message, keyed by block id then action id,
/// whichever element was clicked (a plain-text input: <c>{ "type": "plain_text_input", "value": "…" }</c>, null when empty).
/// </summary>
internal sealed record SlackState(IReadOnlyDictionary<string, IReadOnlyDictionary<string, SlackStateValue>>? Values);

internal sealed record SlackStateValue(string? Type, string? Value);

internal sealed record SlackEntity(string? Id, string? Name, string? Username, string? TeamId);

internal sealed record SlackContainer(string? Type, string? MessageTs, string? ChannelId);

internal sealed record SlackInteractionMessage(string? Ts, string? Text, JsonArray? Blocks);

internal sealed record SlackAction(string? Type, string? ActionId, string? BlockId, string? Value, string? ActionTs, SlackTextObject? Text);

internal sealed record SlackTextObject(string? Type, string? Text);

/// <summary>What every Web API method answers: <c>ok</c>, and <c>error</c> when it is false.</summary>
internal class SlackResponse
{
    public bool Ok { get; init; }

    public string? Error { get; init; }

    public string? Warning { get; init; }
}

internal sealed class SlackPostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

internal sealed class SlackPostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; init; }
}

internal sealed class SlackConversationsOpenResponse : SlackResponse
{
    public SlackEntity? Channel { get; init; }
}

internal sealed class SlackUsersInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}

internal sealed record SlackUser(string? Id, string? Name, string? RealName, bool Deleted, bool IsBot, SlackUserProfile? Profile)
{
    /// <summary>The user's time zone (<c>tz</c>, an IANA id such as <c>Europe/Berlin</c>); untrusted.</summary>
    public string? Tz { get; init; }

    /// <summary>The name people see: display name, else real name, else the handle.</summary>
    public string DisplayName =>
        Profile?.DisplayName is { Length: > 0 } display ? display
        : Profile?.RealName is { Length: > 0 } profileReal ? profileReal
        : RealName is { Length: > 0 } real ? real
        : Name ?? Id ?? string.Empty;
}

internal sealed record SlackUserProfile(string? DisplayName, string? RealName);

internal sealed class SlackAuthTestResponse : SlackResponse
{
    public string? UserId { get; init; }

    public string? BotId { get; init; }

    public string? TeamId { get; init; }
}

internal sealed class SlackUserGroupUsersResponse : SlackResponse
{
    public IReadOnlyList<string>? Users { get; init; }
}
