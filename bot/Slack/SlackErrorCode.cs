namespace ScreeningBot.Bot.Slack;

/// <summary>
/// A Slack Web API error string (<c>"error": "user_not_found"</c>), or one of ours for failures Slack never answered
/// (<c>timeout</c>, <c>http_error</c>). An open set, so a wrapped string rather than an enum.
/// </summary>
internal readonly struct SlackErrorCode : IEquatable<SlackErrorCode>
{
    public SlackErrorCode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        _value = value;
    }

    private readonly string? _value;

    /// <summary>The code as Slack spells it (<c>unknown_error</c> for a default instance).</summary>
    public string Value => _value ?? "unknown_error";

    public static SlackErrorCode UserNotFound { get; } = new("user_not_found");

    public static SlackErrorCode CannotDmBot { get; } = new("cannot_dm_bot");

    public static SlackErrorCode UserDisabled { get; } = new("user_disabled");

    public static SlackErrorCode AccountInactive { get; } = new("account_inactive");

    public static SlackErrorCode ChannelNotFound { get; } = new("channel_not_found");

    public static SlackErrorCode NotInChannel { get; } = new("not_in_channel");

    public static SlackErrorCode IsArchived { get; } = new("is_archived");

    public static SlackErrorCode InvalidAuth { get; } = new("invalid_auth");

    public static SlackErrorCode NotAuthed { get; } = new("not_authed");

    public static SlackErrorCode MissingScope { get; } = new("missing_scope");

    public static SlackErrorCode RateLimited { get; } = new("ratelimited");

    public static SlackErrorCode MessageBlocksTooLong { get; } = new("msg_blocks_too_long");

    public static SlackErrorCode InvalidBlocks { get; } = new("invalid_blocks");

    public static SlackErrorCode ExpiredUrl { get; } = new("expired_url");

    /// <summary>Ours: the attempt timed out and the call was not safe to repeat (or retries ran out).</summary>
    public static SlackErrorCode Timeout { get; } = new("timeout");

    /// <summary>Ours: a non-2xx answer other than 429, or no answer at all.</summary>
    public static SlackErrorCode HttpError { get; } = new("http_error");

    /// <summary>Ours: the body was not the JSON Slack documents.</summary>
    public static SlackErrorCode InvalidResponse { get; } = new("invalid_response");

    public static bool operator ==(SlackErrorCode left, SlackErrorCode right) => left.Equals(right);

    public static bool operator !=(SlackErrorCode left, SlackErrorCode right) => !left.Equals(right);

    public bool Equals(SlackErrorCode other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SlackErrorCode other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    public override string ToString() => Value;
}
